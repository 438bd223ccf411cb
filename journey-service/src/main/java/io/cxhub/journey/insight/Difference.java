package io.cxhub.journey.insight;

/**
 * A difference between two estimates (or of two differences), with its 95% interval and
 * the two-sided p-value of a z-test.
 */
public record Difference(double value, double low, double high, double variance, double pValue) {

  public boolean significant() {
    return pValue < Stats.ALPHA;
  }
}
