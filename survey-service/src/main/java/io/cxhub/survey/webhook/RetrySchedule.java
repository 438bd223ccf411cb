package io.cxhub.survey.webhook;

import java.time.Duration;

/**
 * When to try a failed delivery again.
 *
 * @param maxAttempts attempts in all, the first one included
 */
public record RetrySchedule(int maxAttempts, java.util.function.IntFunction<Duration> waitAfterAttempt) {

  /** The wait after the {@code attempt}-th failed attempt (1-based), or null when it was the last. */
  public Duration waitAfter(int attempt) {
    return attempt >= maxAttempts ? null : waitAfterAttempt.apply(attempt);
  }
}
