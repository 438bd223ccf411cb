package io.cxhub.metrics.alert;

import java.time.Instant;

/**
 * A breach episode of a rule and the alert it sends: it opens when the condition is first
 * found to hold and ends at the first conclusive evaluation where it no longer holds. The
 * alert id is chosen, and stored, before the first delivery attempt, so every attempt
 * (after a failure, a restart or on another replica) sends the same id and survey-service
 * deduplicates it.
 *
 * @param number the episode's number for its rule, from 1
 * @param deliveredAt when survey-service took the alert; null while pending
 * @param failedAttempts delivery attempts that failed
 * @param eventId the {@code alert.fired} event survey-service recorded; null while pending
 * @param caseId the case survey-service opened; null when none
 * @param endedAt when the episode ended; null while it lasts
 */
public record Episode(
    long number, String alertId, String title, Instant startedAt, Instant deliveredAt, int failedAttempts,
    String eventId, String caseId, Instant endedAt) {

  static Episode open(long number, String alertId, String title, Instant at) {
    return new Episode(number, alertId, title, at, null, 0, null, null, null);
  }

  public boolean isOpen() {
    return endedAt == null;
  }

  public boolean isDelivered() {
    return deliveredAt != null;
  }

  Episode delivered(Instant at, AlertSink.Delivery delivery) {
    return new Episode(number, alertId, title, startedAt, at, failedAttempts, delivery.eventId(), delivery.caseId(),
        endedAt);
  }

  Episode failedAttempt() {
    return new Episode(number, alertId, title, startedAt, deliveredAt, failedAttempts + 1, eventId, caseId, endedAt);
  }

  Episode ended(Instant at) {
    return isOpen()
        ? new Episode(number, alertId, title, startedAt, deliveredAt, failedAttempts, eventId, caseId, at)
        : this;
  }
}
