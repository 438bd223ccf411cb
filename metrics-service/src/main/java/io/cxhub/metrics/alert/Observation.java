package io.cxhub.metrics.alert;

import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Interval;

/**
 * The figures one evaluation looked at, as computed by the score use cases.
 *
 * @param window the rule's window: its days, ending on the evaluation day
 * @param n answers counted in the window
 * @param value the measured value (headline or mean; 0 when n is 0)
 * @param interval 95% interval of {@code value}; null when it cannot be estimated
 * @param lowSample the score's low-sample warning
 * @param previous for drop rules, the comparison with the previous window; null otherwise
 */
public record Observation(
    DayRange window, long n, double value, Interval interval, boolean lowSample, Previous previous) {

  /**
   * The previous window and the comparison with it.
   *
   * @param difference {@code value − previous value}
   * @param differenceInterval 95% interval of the difference; null when it cannot be estimated
   */
  public record Previous(
      DayRange window, long n, double value, double difference, Interval differenceInterval, double pValue,
      String test) {}
}
