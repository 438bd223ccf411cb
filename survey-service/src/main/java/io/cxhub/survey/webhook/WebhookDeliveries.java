package io.cxhub.survey.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistent delivery queue and log. A delivery's state, attempts and next attempt
 * time live in its own document, so the queue survives restarts.
 */
public interface WebhookDeliveries {

  /** Queues the delivery unless one with the same id exists (then nothing changes). */
  boolean insertIfAbsent(WebhookDelivery delivery);

  Optional<WebhookDelivery> find(String tenantId, String deliveryId);

  /** Pending deliveries of the tenant due at {@code now}, earliest first, at most {@code limit}. */
  List<WebhookDelivery> findDue(String tenantId, Instant now, int limit);

  /**
   * Takes a due delivery for one attempt: moves its next attempt time from {@code due} to
   * {@code leaseUntil}, only if it is still pending and due at {@code due}. Two dispatchers
   * (or instances) can therefore not send it at the same time, and if the process dies
   * during the attempt, the delivery becomes due again when the lease ends.
   *
   * @return false if another dispatcher took it first or it changed meanwhile
   */
  boolean claim(String tenantId, String deliveryId, Instant due, Instant leaseUntil);

  /**
   * Appends an attempt and sets the state and next attempt time, in one write.
   */
  void recordAttempt(String tenantId, String deliveryId, DeliveryAttempt attempt, DeliveryState state, Instant nextAttemptAt);

  /** Makes the delivery pending and due at {@code now} (manual redelivery). */
  void reschedule(String tenantId, String deliveryId, Instant now);

  /** A subscription's deliveries, newest first. */
  List<WebhookDelivery> listBySubscription(String tenantId, String subscriptionId, int limit);
}
