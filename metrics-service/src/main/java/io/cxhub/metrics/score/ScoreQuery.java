package io.cxhub.metrics.score;

import java.util.List;

/**
 * A request for scores of one kind, grouped.
 *
 * @param groupBy dimensions of the cells, in order; empty: one cell per scale
 * @param granularity length of the periods when grouping by PERIOD (null: month)
 * @param timeZone IANA zone of the tenant; empty or UTC. Buckets are kept per UTC day, so a
 *     period in another zone cannot be cut at its local midnight: such requests are refused
 *     rather than answered with shifted days
 */
public record ScoreQuery(ScoreKind kind, ScoreFilter filter, List<Dimension> groupBy, Granularity granularity, String timeZone) {

  public ScoreQuery {
    groupBy = List.copyOf(groupBy);
    granularity = granularity == null ? Granularity.MONTH : granularity;
    timeZone = timeZone == null ? "" : timeZone;
  }
}
