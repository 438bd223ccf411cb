package io.cxhub.metrics.rollup;

import java.time.Duration;

/**
 * Timing rules of the at-most-once application.
 *
 * @param maxApplyDuration an application (a record call or a sweep) that has run
 *     longer than this does not start adding to buckets any more; it fails and is retried
 * @param evidenceGrace how long after a response is APPLIED its id stays in the buckets'
 *     evidence (cubes); must exceed {@code maxApplyDuration} by a wide margin (see ExactlyOnceAggregator)
 * @param staleApplyingAfter an application open for longer than this is presumed abandoned (the
 *     caller crashed or gave up) and the sweeper completes it
 * @param sweepBatch applications looked at per sweep
 */
public record IngestSettings(
    Duration maxApplyDuration, Duration evidenceGrace, Duration staleApplyingAfter, int sweepBatch) {

  public IngestSettings {
    if (evidenceGrace.compareTo(maxApplyDuration.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "evidence grace (" + evidenceGrace + ") must be at least twice the longest application (" + maxApplyDuration + ")");
    }
  }
}
