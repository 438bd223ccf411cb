package io.cxhub.survey.response;

import java.time.Instant;

/**
 * Propagation state of a response, stored inside the response document itself: accepting a
 * response and recording that it must be propagated is then one single-document write.
 *
 * @param attempts deliveries metrics-service rejected so far
 * @param nextAttemptAt the relay does not send the response before this instant
 * @param deliveredAt null while pending
 */
public record Outbox(OutboxState state, int attempts, Instant nextAttemptAt, Instant deliveredAt) {

  public static Outbox pending(Instant now) {
    return new Outbox(OutboxState.PENDING, 0, now, null);
  }
}
