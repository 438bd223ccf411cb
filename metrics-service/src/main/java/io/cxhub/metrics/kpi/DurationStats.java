package io.cxhub.metrics.kpi;

import io.cxhub.metrics.event.DurationBins;
import java.util.Map;

/**
 * Durations in seconds: exact mean; median and p90 from the HdrHistogram bins (within 1%).
 *
 * @param lowSample n &lt; 30: too few to conclude
 */
public record DurationStats(long n, double mean, double median, double p90, boolean lowSample) {

  static DurationStats of(long n, long sum, Map<Integer, Long> bins) {
    if (n == 0) {
      return new DurationStats(0, 0, 0, 0, true);
    }
    var percentiles = DurationBins.percentiles(bins);
    return new DurationStats(n, (double) sum / n, percentiles.median(), percentiles.p90(),
        n < Proportion.MIN_SAMPLE);
  }
}
