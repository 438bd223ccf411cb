package io.cxhub.survey.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt.
 *
 * @param statusCode 0 when no answer came (timeout, connection refused, refused target)
 * @param error null when the endpoint answered
 */
public record DeliveryAttempt(Instant at, int statusCode, Duration duration, String error) {

  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  /**
   * Server errors, 408, 429 and failures without an answer may pass on a later attempt;
   * other client errors will not.
   */
  public boolean retryable() {
    return statusCode == 0 || statusCode == 408 || statusCode == 429 || statusCode >= 500;
  }
}
