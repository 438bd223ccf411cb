package io.cxhub.metrics.kpi;

import io.cxhub.metrics.event.EventCubes;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.rollup.Cell;
import java.util.Set;

/**
 * Which events to count; an empty set does not filter. Channels are stored names
 * ({@code SUPPORT}). {@code funnelIds} applies to funnel steps only; the dimension filters do
 * not apply to loyalty (a customer's orders are counted across channels and stages).
 *
 * @param period local days, both ends included; open ends are resolved by the query
 */
public record KpiFilter(
    DayRange period, Set<String> channels, Set<String> teams, Set<String> stages, Set<String> touchpoints,
    Set<String> funnelIds) {

  public static final KpiFilter ALL = new KpiFilter(DayRange.ALL, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public KpiFilter {
    channels = Set.copyOf(channels);
    teams = Set.copyOf(teams);
    stages = Set.copyOf(stages);
    touchpoints = Set.copyOf(touchpoints);
    funnelIds = Set.copyOf(funnelIds);
  }

  public KpiFilter withPeriod(DayRange range) {
    return new KpiFilter(range, channels, teams, stages, touchpoints, funnelIds);
  }

  /** Whether a support, commerce or funnel cell passes the dimension filters. */
  boolean accepts(Cell cell) {
    return matches(channels, cell.get(EventCubes.DIM_CHANNEL))
        && matches(teams, cell.get(EventCubes.DIM_TEAM))
        && matches(stages, cell.get(EventCubes.DIM_STAGE))
        && matches(touchpoints, cell.get(EventCubes.DIM_TOUCHPOINT));
  }

  boolean acceptsFunnel(Cell cell) {
    return accepts(cell) && matches(funnelIds, cell.get(EventCubes.DIM_FUNNEL));
  }

  private static boolean matches(Set<String> wanted, String value) {
    return wanted.isEmpty() || wanted.contains(value);
  }
}
