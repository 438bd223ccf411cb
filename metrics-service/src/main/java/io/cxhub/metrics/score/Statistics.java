package io.cxhub.metrics.score;

import io.cxhub.kit.domain.AdjustedWaldNps;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The interval and test formulas used by the scores, at 95% confidence. Quantiles come from
 * commons-math3; nothing here approximates a distribution by hand.
 */
public final class Statistics {

  /** Two-sided 95%: the standard normal quantile of 0.975 (1.959963…). */
  public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private Statistics() {}

  /**
   * Adjusted-Wald interval of a Net Promoter Score, in NPS points (−100…+100), with
   * MeasuringU's published constants (n + 3, promoters + 3/4, detractors + 3/4): see
   * {@link AdjustedWaldNps}, the one copy of the formula. Centred on the adjusted NPS', clipped
   * to [−100, +100]; with n = 0 it is the whole range.
   */
  public static AdjustedNps adjustedWaldNps(long promoters, long detractors, long n) {
    var nps = AdjustedWaldNps.of(promoters, detractors, n);
    return new AdjustedNps(nps.adjustedNps(), nps.variance(), new Interval(nps.low(), nps.high()));
  }

  /**
   * The adjusted-Wald estimate behind an NPS interval.
   *
   * @param adjustedNps NPS' in points
   * @param variance variance of NPS' in points²
   */
  public record AdjustedNps(double adjustedNps, double variance, Interval interval) {}

  /**
   * Wilson score interval of a proportion {@code x/n}, in percent (Wilson 1927; Newcombe
   * 1998, method 3):
   * {@code (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)}. With n = 0, [0, 100].
   */
  public static Interval wilson(long x, long n) {
    if (n == 0) {
      return new Interval(0, 100);
    }
    double z2 = Z95 * Z95;
    double p = (double) x / n;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Interval(100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
  }

  /**
   * Student t interval of a mean, {@code mean ± t(0.975, n−1)·s/√n}, from the count, sum
   * and sum of squares. Null when n &lt; 2 (no variance to estimate).
   */
  public static Interval tInterval(long n, double sum, double sumSq) {
    if (n < 2) {
      return null;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sampleVariance(n, sum, sumSq));
    double t = T975.computeIfAbsent(n - 1, df -> new TDistribution(df).inverseCumulativeProbability(0.975));
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  /**
   * t(0.975, df) by degrees of freedom: the quantile is found by a numerical solver (about a
   * millisecond), and a dashboard read needs one per cell. Bounded: the t quantile differs from
   * the normal one by less than 0.001 from 4,000 degrees of freedom on, so few values recur.
   */
  private static final java.util.Map<Long, Double> T975 = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Double> eldest) {
          return size() > 10_000;
        }
      });

  /** Unbiased sample variance from count, sum and sum of squares (never negative). */
  public static double sampleVariance(long n, double sum, double sumSq) {
    if (n < 2) {
      return 0;
    }
    return Math.max(0, (sumSq - sum * sum / n) / (n - 1));
  }

  /** Two-sided p-value of a standard normal statistic. */
  public static double twoSidedNormalP(double z) {
    if (Double.isNaN(z)) {
      return 1;
    }
    return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
  }
}
