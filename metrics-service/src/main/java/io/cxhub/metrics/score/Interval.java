package io.cxhub.metrics.score;

/** A two-sided 95% interval, in the unit of the value it brackets. */
public record Interval(double low, double high) {

  /** Half the width: the margin of error when the interval is symmetric. */
  public double halfWidth() {
    return (high - low) / 2;
  }
}
