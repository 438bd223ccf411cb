package io.cxhub.metrics.alert;

import io.cxhub.metrics.score.Interval;

/** When a metric alert rule is breached: a threshold over the window, or a significant drop. */
public sealed interface AlertCondition {

  /**
   * The measured value over the window is on the wrong side of {@code threshold}.
   *
   * @param confident only when the whole 95% interval is on the wrong side
   */
  record Threshold(Direction direction, double threshold, boolean confident) implements AlertCondition {

    /**
     * Whether a value (and its interval, null when it cannot be estimated) breaches the
     * threshold. A confident rule never fires without an interval.
     */
    boolean breachedBy(double value, Interval interval) {
      if (confident) {
        if (interval == null) {
          return false;
        }
        return direction == Direction.BELOW ? interval.high() < threshold : interval.low() > threshold;
      }
      return direction == Direction.BELOW ? value < threshold : value > threshold;
    }
  }

  /**
   * The window is worse than the window of equal length just before it: the comparison's
   * p-value is below {@code alpha}, the difference is negative and at least {@code minDrop}
   * in size.
   */
  record SignificantDrop(double alpha, double minDrop) implements AlertCondition {

    static final double DEFAULT_ALPHA = 0.05;
  }

  /** Which side of a threshold is a breach. */
  enum Direction {
    BELOW,
    ABOVE
  }
}
