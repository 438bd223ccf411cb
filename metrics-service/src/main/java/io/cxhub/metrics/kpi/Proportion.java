package io.cxhub.metrics.kpi;

import io.cxhub.metrics.score.Interval;
import io.cxhub.metrics.score.Statistics;

/**
 * A share of a sample, never without its size.
 *
 * @param n the denominator
 * @param count the numerator
 * @param value count ÷ n in percent; 0 when n is 0
 * @param interval 95% Wilson interval, in percent
 * @param marginOfError half the interval's width, in points
 * @param lowSample n &lt; 30 or a margin above 10 points: too few to conclude
 */
public record Proportion(long n, long count, double value, Interval interval, double marginOfError, boolean lowSample) {

  public static final int MIN_SAMPLE = 30;
  public static final double MAX_MARGIN_POINTS = 10.0;

  public static Proportion of(long count, long n) {
    Interval wilson = Statistics.wilson(count, n);
    double margin = wilson.halfWidth();
    return new Proportion(n, count, n == 0 ? 0 : 100.0 * count / n, wilson, margin,
        n < MIN_SAMPLE || margin > MAX_MARGIN_POINTS);
  }
}
