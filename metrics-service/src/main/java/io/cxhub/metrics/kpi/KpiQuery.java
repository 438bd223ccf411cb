package io.cxhub.metrics.kpi;

import io.cxhub.metrics.score.Granularity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A KPI read.
 *
 * @param groupBy dimensions of the cells, in order; empty for the total only
 * @param granularity length of the periods when grouping by period (also the loyalty windows)
 * @param families the families to compute; empty for all
 */
public record KpiQuery(KpiFilter filter, List<KpiDimension> groupBy, Granularity granularity, Set<KpiFamily> families) {

  public KpiQuery {
    groupBy = List.copyOf(groupBy);
    families = families.isEmpty() ? EnumSet.allOf(KpiFamily.class) : EnumSet.copyOf(families);
    granularity = granularity == null ? Granularity.MONTH : granularity;
  }

  boolean wants(KpiFamily family) {
    return families.contains(family);
  }

  boolean byPeriod() {
    return groupBy.contains(KpiDimension.PERIOD);
  }
}
