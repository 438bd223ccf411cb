package io.cxhub.metrics.score;

import io.cxhub.metrics.nps.DayRange;

/**
 * Whether two slices really differ, at the 95% level.
 *
 * @param measure what was compared
 * @param difference {@code a − b} of the observed values (points, percentage points or scale units)
 * @param interval 95% interval of the difference (see {@link CompareScores} for the method)
 * @param pValue two-sided p-value of the test
 * @param significant {@code pValue < 0.05}
 * @param test the test used, in words
 * @param bPeriod the days slice B covered (null until the use case sets it)
 */
public record Comparison(
    Measure measure, Score a, Score b, double difference, Interval interval, double pValue, boolean significant,
    String test,
    DayRange bPeriod) {

  Comparison withBPeriod(DayRange period) {
    return new Comparison(measure, a, b, difference, interval, pValue, significant, test, period);
  }

  /** The value compared. */
  public enum Measure {
    /** NPS, CSAT top-2-box % or CES easy %. */
    HEADLINE,
    /** The mean answer. */
    MEAN
  }
}
