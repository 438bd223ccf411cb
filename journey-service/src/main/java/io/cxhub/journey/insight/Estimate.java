package io.cxhub.journey.insight;

/**
 * An indicator computed from a sample, with what it takes to read it honestly.
 *
 * @param n answers (or events) behind it
 * @param value the indicator (NPS points, percent, or 0-100 satisfaction)
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 * @param variance variance of the estimate (points²), the one tests use
 * @param lowSample n &lt; 30 or margin of error above 10 points
 */
public record Estimate(long n, double value, double low, double high, double variance, boolean lowSample) {

  public static final Estimate NONE = new Estimate(0, 0, 0, 0, 0, true);

  public boolean isEmpty() {
    return n == 0;
  }

  public double margin() {
    return (high - low) / 2;
  }
}
