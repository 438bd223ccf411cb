package io.cxhub.metrics.score;

import io.cxhub.metrics.ingest.ResponseContributor;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.nps.NetPromoterScore;
import io.cxhub.metrics.nps.NpsCounts;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.PeriodPlan;
import io.cxhub.metrics.rollup.Tally;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The score buckets as cells of the score cubes ({@code score:<KIND>:<surveyId>} per day and
 * per month). A read looks up the tenant's catalog of months (one document), then fetches
 * by id the cubes that cover the period — 12 month cubes per survey for a year by month —
 * and never scans.
 */
public final class CubeScoreBuckets implements ScoreBuckets, NpsCounts {

  private final Cubes cubes;

  public CubeScoreBuckets(Cubes cubes) {
    this.cubes = cubes;
  }

  @Override
  public List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, ScoreFilter filter, boolean daily) {
    String prefix = ResponseContributor.family(kind.name(), "");
    Map<String, SortedSet<YearMonth>> monthsBySurvey = new TreeMap<>();
    for (CubeId month : cubes.months(tenantId)) {
      if (month.family().startsWith(prefix)) {
        String surveyId = month.family().substring(prefix.length());
        if (filter.surveyIds().isEmpty() || filter.surveyIds().contains(surveyId)) {
          monthsBySurvey.computeIfAbsent(surveyId, k -> new TreeSet<>()).add(YearMonth.from(month.period().start()));
        }
      }
    }
    var ids = new ArrayList<CubeId>();
    monthsBySurvey.forEach((surveyId, months) -> {
      LocalDate from = filter.period().start() != null ? filter.period().start() : months.first().atDay(1);
      LocalDate to = filter.period().end() != null ? filter.period().end() : months.last().atEndOfMonth();
      for (Period p : PeriodPlan.cover(from, to, daily)) {
        if (months.contains(YearMonth.from(p.start()))) {
          ids.add(new CubeId(tenantId, ResponseContributor.family(kind.name(), surveyId), p));
        }
      }
    });
    var buckets = new ArrayList<ScoreBucket>();
    for (Cube cube : cubes.read(tenantId, ids)) {
      String surveyId = cube.id().family().substring(prefix.length());
      for (Cube.CellTally cell : cube.cells().values()) {
        var c = cell.cell();
        buckets.add(new ScoreBucket(surveyId, c.get("question"), cube.id().period().start(), c.get("channel"),
            c.get("stage"), c.get("touchpoint"), c.get("segment"), c.get("persona"),
            c.get("valueTier"), distribution(c.get("scale"), cell.tally(), kind)));
      }
    }
    return buckets;
  }

  @Override
  public List<DayCounts> npsBuckets(String tenantId, String surveyId, DayRange period) {
    var filter = ScoreFilter.builder().surveyIds(java.util.Set.of(surveyId)).period(period).build();
    return scoreBuckets(tenantId, ScoreKind.NPS, filter, false).stream()
        .map(b -> new DayCounts(b.questionId(), b.day(), new NetPromoterScore(
            b.distribution().countBetween(9, 10), b.distribution().countBetween(7, 8),
            b.distribution().countBetween(0, 6))))
        .toList();
  }

  private static Distribution distribution(String scale, Tally tally, ScoreKind kind) {
    int min = kind.defaultScaleMin();
    int max = kind.defaultScaleMax();
    int dash = scale.indexOf('-');
    if (dash > 0) {
      min = Integer.parseInt(scale.substring(0, dash));
      max = Integer.parseInt(scale.substring(dash + 1));
    }
    return new Distribution(min, max, tally.counter(ResponseContributor.COUNT), tally.counter(ResponseContributor.SUM),
        tally.counter(ResponseContributor.SUM_SQ), new TreeMap<>(tally.histogram(ResponseContributor.VALUES)));
  }
}
