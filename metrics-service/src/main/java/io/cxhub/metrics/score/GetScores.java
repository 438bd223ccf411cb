package io.cxhub.metrics.score;

import io.cxhub.kit.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import io.cxhub.metrics.rollup.TenantZones;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NPS, CSAT or CES for any filter and group-by, summed from the pre-aggregated buckets (a
 * read never touches raw responses). Each cell carries n, the distribution, its 95%
 * interval, the low-sample flag and the definition used.
 */
public final class GetScores {

  private final ScoreBuckets buckets;
  private final TenantZones zones;

  public GetScores(ScoreBuckets buckets, TenantZones zones) {
    this.buckets = buckets;
    this.zones = zones;
  }

  public ScoreTable query(String tenantId, ScoreQuery query) {
    if (query.kind() == null) {
      throw InvalidInputException.of("metric", "is required: NPS, CSAT or CES");
    }
    requireTenantZone(query.timeZone(), zones.zone(tenantId));
    if (query.groupBy().size() != query.groupBy().stream().distinct().count()) {
      throw InvalidInputException.of("group_by", "names a dimension twice");
    }
    // one read of the buckets serves the cells and the totals
    boolean daily = query.groupBy().contains(Dimension.PERIOD) && query.granularity() != Granularity.MONTH;
    var read = buckets.scoreBuckets(tenantId, query.kind(), query.filter(), daily);
    var groups = group(read, query.filter(), query.groupBy(), query.granularity());
    var cells = new ArrayList<ScoreCell>(groups.size());
    groups.forEach((key, d) -> cells.add(new ScoreCell(key.values(), Score.of(query.kind(), d))));
    var totals = group(read, query.filter(), List.of(), query.granularity()).values().stream()
        .map(d -> Score.of(query.kind(), d))
        .toList();
    if (totals.isEmpty()) {
      totals = List.of(Score.of(query.kind(),
          Distribution.empty(query.kind().defaultScaleMin(), query.kind().defaultScaleMax())));
    }
    return new ScoreTable(query.kind().definition(), cells, totals);
  }

  /** The answers of the filter, summed per group and scale, groups in ascending key order. */
  Map<GroupKey, Distribution> sum(
      String tenantId, ScoreKind kind, ScoreFilter filter, List<Dimension> groupBy, Granularity granularity) {
    boolean daily = groupBy.contains(Dimension.PERIOD) && granularity != Granularity.MONTH;
    return group(buckets.scoreBuckets(tenantId, kind, filter, daily), filter, groupBy, granularity);
  }

  private static Map<GroupKey, Distribution> group(
      List<ScoreBuckets.ScoreBucket> read, ScoreFilter filter, List<Dimension> groupBy, Granularity granularity) {
    var groups = new TreeMap<GroupKey, Distribution>();
    for (var b : read) {
      if (!filter.accepts(b)) {
        continue;
      }
      var values = new LinkedHashMap<Dimension, String>();
      groupBy.forEach(dim -> values.put(dim, b.value(dim, granularity)));
      var key = new GroupKey(values, b.distribution().scaleMin(), b.distribution().scaleMax());
      groups.merge(key, b.distribution(), Distribution::plus);
    }
    return groups;
  }

  /**
   * Periods are cut at local midnight in the tenant's time zone, which the buckets were
   * counted in; a request may name that zone (or none) but not another one, which the
   * buckets cannot answer without shifting days.
   */
  static void requireTenantZone(String timeZone, ZoneId tenantZone) {
    if (timeZone.isEmpty()) {
      return;
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw InvalidInputException.of("time_zone", "must be an IANA time zone such as Europe/Paris");
    }
    if (!zone.normalized().equals(tenantZone.normalized())) {
      throw InvalidInputException.of("time_zone",
          "must be the tenant's time zone (" + tenantZone.getId() + "), which its days and months are counted in;"
              + " change it with PATCH /v1/metric-settings");
    }
  }

  /** A group's dimension values plus the scale, ordered by values then scale. */
  record GroupKey(Map<Dimension, String> values, int scaleMin, int scaleMax) implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> ORDER = Comparator
        .comparing((GroupKey k) -> String.join("\u0000", k.values.values()))
        .thenComparingInt(GroupKey::scaleMin)
        .thenComparingInt(GroupKey::scaleMax);

    GroupKey {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public int compareTo(GroupKey other) {
      return ORDER.compare(this, other);
    }
  }
}
