package io.cxhub.metrics.event;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * How durations are binned in the cubes' histograms, and read back: a bin is the lowest
 * value of an HdrHistogram bucket with {@value #SIGNIFICANT_DIGITS} significant digits
 * (exact up to 255, then buckets narrower than 1% of their values). A read rebuilds the
 * histogram from the bins and takes its percentiles, so a median or a p90 is within 1% of
 * the exact order statistic, whatever the number of events.
 *
 * <p>The layout is part of the stored data: changing it needs a recount.
 */
public final class DurationBins {

  /** Largest value kept apart; longer durations fall in the last bucket. 366 days in seconds. */
  public static final long HIGHEST_SECONDS = 366L * 24 * 3600;
  public static final int SIGNIFICANT_DIGITS = 2;

  /** Only used to compute bucket boundaries, which never change: safe to share. */
  private static final Histogram LAYOUT = new Histogram(HIGHEST_SECONDS, SIGNIFICANT_DIGITS);

  private DurationBins() {}

  /** The bin of a duration (not negative). */
  public static int bin(long value) {
    return (int) LAYOUT.lowestEquivalentValue(Math.max(0, Math.min(value, HIGHEST_SECONDS)));
  }

  /**
   * Percentiles of binned durations.
   *
   * @param bins bin → count, as {@link #bin} made them
   */
  public static Percentiles percentiles(Map<Integer, Long> bins) {
    var histogram = new Histogram(HIGHEST_SECONDS, SIGNIFICANT_DIGITS);
    bins.forEach((bin, count) -> {
      if (count > 0) {
        histogram.recordValueWithCount(bin, count);
      }
    });
    if (histogram.getTotalCount() == 0) {
      return new Percentiles(0, 0, 0);
    }
    return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90));
  }

  /** Median and 90th percentile (nearest rank, at the top of their bucket) of {@code n} values. */
  public record Percentiles(long n, long median, long p90) {}
}
