package io.cxhub.metrics.kpi;

import io.cxhub.metrics.event.EventCubes;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.rollup.Cell;
import java.util.Collection;
import java.util.Set;

/**
 * Which events to count; an empty set does not filter. Channels are stored names
 * ({@code SUPPORT}). {@code funnelIds} applies to funnel steps only; the dimension filters do
 * not apply to loyalty (a customer's orders are counted across channels, stages and slices).
 * Built with {@link #builder()}.
 *
 * @param period local days, both ends included; open ends are resolved by the query
 * @param segments the customers' segments when the events were recorded ({@code unassigned}
 *     for customers not resolved), as in the score filter
 * @param personas the customers' personas when the events were recorded
 * @param valueTiers the customers' value tiers when the events were recorded ({@code champions},
 *     {@code at_risk}…, {@code unassigned})
 */
public record KpiFilter(
    DayRange period,
    Set<String> channels,
    Set<String> teams,
    Set<String> stages,
    Set<String> touchpoints,
    Set<String> funnelIds,
    Set<String> segments,
    Set<String> personas,
    Set<String> valueTiers) {

  public static final KpiFilter ALL = builder().build();

  public KpiFilter {
    period = period == null ? DayRange.ALL : period;
    channels = Set.copyOf(channels);
    teams = Set.copyOf(teams);
    stages = Set.copyOf(stages);
    touchpoints = Set.copyOf(touchpoints);
    funnelIds = Set.copyOf(funnelIds);
    segments = Set.copyOf(segments);
    personas = Set.copyOf(personas);
    valueTiers = Set.copyOf(valueTiers);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().period(period).channels(channels).teams(teams).stages(stages).touchpoints(touchpoints)
        .funnelIds(funnelIds).segments(segments).personas(personas).valueTiers(valueTiers);
  }

  public KpiFilter withPeriod(DayRange range) {
    return toBuilder().period(range).build();
  }

  /** Whether a support, commerce or funnel cell passes the dimension filters. */
  boolean accepts(Cell cell) {
    return matches(channels, cell.get(EventCubes.DIM_CHANNEL))
        && matches(teams, cell.get(EventCubes.DIM_TEAM))
        && matches(stages, cell.get(EventCubes.DIM_STAGE))
        && matches(touchpoints, cell.get(EventCubes.DIM_TOUCHPOINT))
        && matches(segments, cell.get(EventCubes.DIM_SEGMENT))
        && matches(personas, cell.get(EventCubes.DIM_PERSONA))
        && matches(valueTiers, cell.get(EventCubes.DIM_VALUE_TIER));
  }

  boolean acceptsFunnel(Cell cell) {
    return accepts(cell) && matches(funnelIds, cell.get(EventCubes.DIM_FUNNEL));
  }

  private static boolean matches(Set<String> wanted, String value) {
    return wanted.isEmpty() || wanted.contains(value);
  }

  /** Builds a filter; anything not set does not filter. */
  public static final class Builder {
    private DayRange period = DayRange.ALL;
    private Set<String> channels = Set.of();
    private Set<String> teams = Set.of();
    private Set<String> stages = Set.of();
    private Set<String> touchpoints = Set.of();
    private Set<String> funnelIds = Set.of();
    private Set<String> segments = Set.of();
    private Set<String> personas = Set.of();
    private Set<String> valueTiers = Set.of();

    private Builder() {}

    public Builder period(DayRange value) { period = value; return this; }
    public Builder channels(Collection<String> values) { channels = Set.copyOf(values); return this; }
    public Builder teams(Collection<String> values) { teams = Set.copyOf(values); return this; }
    public Builder stages(Collection<String> values) { stages = Set.copyOf(values); return this; }
    public Builder touchpoints(Collection<String> values) { touchpoints = Set.copyOf(values); return this; }
    public Builder funnelIds(Collection<String> values) { funnelIds = Set.copyOf(values); return this; }
    public Builder segments(Collection<String> values) { segments = Set.copyOf(values); return this; }
    public Builder personas(Collection<String> values) { personas = Set.copyOf(values); return this; }
    public Builder valueTiers(Collection<String> values) { valueTiers = Set.copyOf(values); return this; }

    public KpiFilter build() {
      return new KpiFilter(period, channels, teams, stages, touchpoints, funnelIds, segments, personas, valueTiers);
    }
  }
}
