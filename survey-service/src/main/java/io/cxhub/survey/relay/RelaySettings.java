package io.cxhub.survey.relay;

import java.time.Duration;

/**
 * Tuning of the relay.
 *
 * @param pollInterval time between two ticks of the relay
 * @param idleRecheck how often a tick looks at every tenant's outbox although nothing told
 *     it there is work (responses written by another instance, or left after a crash); on
 *     the embedded database every look scans the collection, so it is not done every tick
 * @param batchSize responses per RecordResponses call (at most 500)
 * @param initialBackoff pause after a first failure to reach metrics-service, doubled after
 *     each further failure
 * @param maxBackoff longest pause
 */
public record RelaySettings(
    Duration pollInterval, Duration idleRecheck, int batchSize, Duration initialBackoff, Duration maxBackoff) {

  public static final int MAX_BATCH = 500;

  public RelaySettings {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ": " + batchSize);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
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
