package io.cxhub.metrics.score;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.nps.DayRange;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Is a change real? Compares slice A with slice B (another slice, or the same filter over
 * the period of equal length just before A's), both summed from the buckets:
 * <ul>
 *   <li>NPS: difference of the two adjusted-Wald NPS, variances summed, z-test; the interval
 *       is {@code (NPS'a − NPS'b) ± z·√(Va + Vb)}.
 *   <li>Proportions (CSAT top-2-box, CES easy): two-proportion z-test with the pooled
 *       proportion; the interval of the difference is the unpooled Wald interval.
 *   <li>Means: Welch's unequal-variance t-test (commons-math3 {@link TTest}); interval with
 *       the Welch–Satterthwaite degrees of freedom.
 * </ul>
 * A slice must hold answers of one scale.
 */
public final class CompareScores {

  private final GetScores scores;

  public CompareScores(GetScores scores) {
    this.scores = scores;
  }

  /** @param b null: the previous period of A's filter (A's period must have both ends) */
  public Comparison compare(String tenantId, ScoreKind kind, Comparison.Measure measure, ScoreFilter a, ScoreFilter b) {
    if (kind == null) {
      throw InvalidInputException.of("metric", "is required: NPS, CSAT or CES");
    }
    Comparison.Measure m = measure == null ? Comparison.Measure.HEADLINE : measure;
    ScoreFilter other = b != null ? b : a.withPeriod(previous(a.period()));
    Score sa = one(tenantId, kind, a, "a");
    Score sb = one(tenantId, kind, other, "b");
    Comparison result;
    if (m == Comparison.Measure.MEAN) {
      result = means(sa, sb);
    } else {
      result = kind == ScoreKind.NPS ? nps(sa, sb) : proportions(sa, sb);
    }
    return result.withBPeriod(other.period());
  }

  /** The period of the same length ending the day before {@code period} starts. */
  static DayRange previous(DayRange period) {
    if (period.start() == null || period.end() == null) {
      throw InvalidInputException.of("a.period", "needs a start and an end date to compare with the previous period");
    }
    long days = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
    return new DayRange(period.start().minusDays(days), period.start().minusDays(1));
  }

  private Score one(String tenantId, ScoreKind kind, ScoreFilter filter, String field) {
    var groups = scores.sum(tenantId, kind, filter, List.of(), Granularity.DAY);
    if (groups.size() > 1) {
      throw InvalidInputException.of(field, "holds answers on several scales; filter on one question or survey");
    }
    var d = groups.isEmpty()
        ? Distribution.empty(kind.defaultScaleMin(), kind.defaultScaleMax())
        : groups.values().iterator().next();
    return Score.of(kind, d);
  }

  static Comparison nps(Score a, Score b) {
    var adjA = a.adjustedNps();
    var adjB = b.adjustedNps();
    double diffAdj = adjA.adjustedNps() - adjB.adjustedNps();
    double se = Math.sqrt(adjA.variance() + adjB.variance());
    double z = diffAdj / se;
    double p = Statistics.twoSidedNormalP(z);
    var interval = new Interval(diffAdj - Statistics.Z95 * se, diffAdj + Statistics.Z95 * se);
    return new Comparison(Comparison.Measure.HEADLINE, a, b, a.value() - b.value(), interval, p, p < 0.05,
        "z-test on the difference of two adjusted-Wald NPS (variances summed)", null);
  }

  static Comparison proportions(Score a, Score b) {
    double pa = a.n() == 0 ? 0 : (double) a.favourable() / a.n();
    double pb = b.n() == 0 ? 0 : (double) b.favourable() / b.n();
    double p;
    Interval interval;
    if (a.n() == 0 || b.n() == 0) {
      p = 1;
      interval = new Interval(-100, 100);
    } else {
      double pooled = (double) (a.favourable() + b.favourable()) / (a.n() + b.n());
      double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.n() + 1.0 / b.n()));
      p = sePooled == 0 ? (pa == pb ? 1 : 0) : Statistics.twoSidedNormalP((pa - pb) / sePooled);
      double se = Math.sqrt(pa * (1 - pa) / a.n() + pb * (1 - pb) / b.n());
      interval = new Interval(100 * (pa - pb - Statistics.Z95 * se), 100 * (pa - pb + Statistics.Z95 * se));
    }
    return new Comparison(Comparison.Measure.HEADLINE, a, b, 100 * (pa - pb), interval, p, p < 0.05,
        "two-proportion z-test (pooled); Wald interval of the difference", null);
  }

  static Comparison means(Score a, Score b) {
    String test = "Welch's t-test (unequal variances)";
    if (a.n() < 2 || b.n() < 2) {
      double diff = a.n() == 0 || b.n() == 0 ? 0 : a.mean() - b.mean();
      return new Comparison(Comparison.Measure.MEAN, a, b, diff, null, 1, false, test + ": needs n >= 2 on both sides", null);
    }
    double va = Statistics.sampleVariance(a.n(), a.distribution().sum(), a.distribution().sumSq());
    double vb = Statistics.sampleVariance(b.n(), b.distribution().sum(), b.distribution().sumSq());
    double diff = a.mean() - b.mean();
    double qa = va / a.n();
    double qb = vb / b.n();
    double se = Math.sqrt(qa + qb);
    if (se == 0) {
      return new Comparison(Comparison.Measure.MEAN, a, b, diff, new Interval(diff, diff), diff == 0 ? 1 : 0,
          diff != 0, test + ": no variance on either side", null);
    }
    var summaryA = summary(a, va);
    var summaryB = summary(b, vb);
    double p = new TTest().tTest(summaryA, summaryB);
    double df = (qa + qb) * (qa + qb) / (qa * qa / (a.n() - 1) + qb * qb / (b.n() - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    return new Comparison(Comparison.Measure.MEAN, a, b, diff, new Interval(diff - t * se, diff + t * se), p, p < 0.05,
        test, null);
  }

  private static StatisticalSummaryValues summary(Score s, double variance) {
    var d = s.distribution();
    return new StatisticalSummaryValues(s.mean(), variance, s.n(), d.histogram().lastKey(), d.histogram().firstKey(),
        d.sum());
  }
}
