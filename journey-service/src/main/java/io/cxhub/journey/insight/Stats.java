package io.cxhub.journey.insight;

import io.cxhub.kit.domain.AdjustedWaldNps;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics of the journey features, one definition each (docs/journeys.md gives the
 * formulas). NPS intervals and variances are adjusted-Wald (Sauro &amp; Lewis), the same
 * definition metrics-service uses, so a stage's NPS here and in the score API agree; shares
 * use Wilson intervals and binomial variances; the 0-100 satisfaction is a mean with a
 * normal interval. Differences are z-tests with the variances summed (independent samples).
 */
public final class Stats {

  public static final double ALPHA = 0.05;
  static final double Z = 1.959963984540054;
  static final int LOW_SAMPLE_N = 30;
  static final double LOW_SAMPLE_MARGIN = 10;
  private static final NormalDistribution NORMAL = new NormalDistribution();

  private Stats() {}

  /**
   * NPS of a 0-10 tally: observed value, adjusted-Wald interval and variance (points), by
   * the kit's {@link AdjustedWaldNps} (MeasuringU's constants), the copy metrics-service uses.
   */
  public static Estimate nps(Tally t) {
    long n = t.n();
    if (n == 0) {
      return Estimate.NONE;
    }
    var adjusted = AdjustedWaldNps.of(t.favourable(), t.unfavourable(), n);
    double value = 100.0 * (t.favourable() - t.unfavourable()) / n;
    return new Estimate(n, value, adjusted.low(), adjusted.high(), adjusted.variance(),
        isLow(n, adjusted.halfWidth()));
  }

  /** The favourable share of a tally in percent (CSAT top-2-box, CES easy), Wilson interval. */
  public static Estimate share(Tally t) {
    return proportion(t.favourable(), t.n());
  }

  /** A proportion x/n in percent with its Wilson interval and binomial variance. */
  public static Estimate proportion(long x, long n) {
    if (n == 0) {
      return Estimate.NONE;
    }
    double z2 = Z * Z;
    double p = (double) x / n;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    double low = 100 * Math.max(0, centre - half);
    double high = 100 * Math.min(1, centre + half);
    // a variance of 0 (all or none) would make any difference "certain": use the Wilson half-width instead
    double variance = Math.max(1e4 * p * (1 - p) / n, Math.pow((high - low) / (2 * Z), 2));
    return new Estimate(n, 100 * p, low, high, variance, isLow(n, (high - low) / 2));
  }

  /** The headline value of a kind: NPS, or the favourable share. */
  public static Estimate headline(ScoreKind kind, Tally t) {
    return kind == ScoreKind.NPS ? nps(t) : share(t);
  }

  /**
   * Satisfaction on 0-100 over tallies of any scales: every answer normalized to
   * {@code (score − min) / (max − min) × 100}, then averaged; normal interval of the mean.
   */
  public static Estimate satisfaction(Iterable<Tally> tallies) {
    long n = 0;
    double sum = 0;
    double sumSq = 0;
    for (var t : tallies) {
      double range = t.scaleMax() - t.scaleMin();
      for (int s = t.scaleMin(); s <= t.scaleMax(); s++) {
        long c = t.count(s);
        double x = range == 0 ? 100 : 100 * (s - t.scaleMin()) / range;
        n += c;
        sum += c * x;
        sumSq += c * x * x;
      }
    }
    if (n == 0) {
      return Estimate.NONE;
    }
    double mean = sum / n;
    double sampleVariance = n < 2 ? 0 : Math.max(0, (sumSq - sum * sum / n) / (n - 1));
    double variance = sampleVariance / n;
    double half = Z * Math.sqrt(variance);
    return new Estimate(n, mean, Math.max(0, mean - half), Math.min(100, mean + half), variance, n < LOW_SAMPLE_N);
  }

  /** a − b with the variances summed; two-sided z-test. */
  public static Difference difference(Estimate a, Estimate b) {
    return of(a.value() - b.value(), a.variance() + b.variance());
  }

  /** (a − b) − (c − d) with the four variances summed: a difference-in-differences. */
  public static Difference differenceInDifferences(Difference target, Difference comparison) {
    return of(target.value() - comparison.value(), target.variance() + comparison.variance());
  }

  static Difference of(double value, double variance) {
    double se = Math.sqrt(variance);
    double p = se == 0 ? (value == 0 ? 1 : 0) : twoSidedP(value / se);
    return new Difference(value, value - Z * se, value + Z * se, variance, p);
  }

  public static double twoSidedP(double z) {
    return 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
  }

  /**
   * Answers per group that a two-sided z-test at 5% needs to detect {@code effect} with 80%
   * power, each group having per-answer variance {@code unitVariance} and {@code groups}
   * groups entering the difference (2 for before/after, 4 for a difference-in-differences):
   * {@code n = (z₀.₉₇₅ + z₀.₈)² · groups · σ² / effect²}.
   */
  public static long requiredN(double effect, double unitVariance, int groups) {
    if (effect == 0 || Double.isNaN(effect)) {
      return Long.MAX_VALUE;
    }
    double zBeta = NORMAL.inverseCumulativeProbability(0.8);
    return (long) Math.ceil(Math.pow(Z + zBeta, 2) * groups * unitVariance / (effect * effect));
  }

  private static boolean isLow(long n, double margin) {
    return n < LOW_SAMPLE_N || margin > LOW_SAMPLE_MARGIN;
  }
}
