package io.cxhub.survey.invitation;

import java.time.Instant;

/**
 * One attempt to hand a message to the provider.
 *
 * @param outcome {@code accepted}, {@code retry}, {@code bounced}, {@code failed} or
 *     {@code interrupted}
 * @param error the provider's error; empty when none
 */
public record SendAttempt(Instant at, MessageKind kind, String outcome, String error) {

  public SendAttempt {
    error = error == null ? "" : error;
  }
}
