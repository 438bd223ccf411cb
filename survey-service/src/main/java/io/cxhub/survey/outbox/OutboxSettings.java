package io.cxhub.survey.outbox;

import java.time.Duration;

/**
 * Tuning of one outbox subscriber's worker.
 *
 * @param pollInterval time between two ticks of the worker (a nudge starts one sooner)
 * @param idleRecheck how often a tick looks at every tenant's outbox although its counters
 *     say nothing is pending (responses written by another instance, or left after a crash)
 * @param batchSize responses handed to the subscriber per call (at most 500)
 * @param initialBackoff pause after a first failure of the subscriber's dependency, doubled
 *     after each further failure; also the first delay of a response the subscriber did not
 *     handle
 * @param maxBackoff longest pause
 * @param maxAttempts after this many unhandled attempts a response is set aside as FAILED
 *     with the reason; 0 to retry forever
 */
public record OutboxSettings(
    Duration pollInterval,
    Duration idleRecheck,
    int batchSize,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxAttempts) {

  public static final int MAX_BATCH = 500;

  public OutboxSettings {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ": " + batchSize);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("max attempts must be 0 (forever) or more: " + maxAttempts);
    }
  }

  /** The pause after {@code failures} consecutive failures (1 or more). */
  public Duration backoff(int failures) {
    Duration pause = initialBackoff;
    for (int i = 1; i < failures && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }
}
