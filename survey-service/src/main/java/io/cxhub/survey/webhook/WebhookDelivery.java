package io.cxhub.survey.webhook;

import io.cxhub.kit.id.Ids;
import java.time.Instant;
import java.util.List;

/**
 * One event to send to one subscription: an entry of the persistent delivery queue and of
 * the delivery log.
 *
 * @param deliveryId derived from (subscription, event): queuing the same event twice for a
 *     subscription is one delivery; sent as {@code CX-Delivery-Id}
 * @param url the subscription's URL when the event was queued (shown in the log; the
 *     attempt uses the subscription's current URL and secret, so the secret lives in one
 *     document only and deleting the subscription stops its deliveries)
 * @param attempts oldest first
 * @param nextAttemptAt when PENDING, the dispatcher does not send it before this instant
 */
public record WebhookDelivery(
    String tenantId,
    String deliveryId,
    String subscriptionId,
    String eventId,
    EventType eventType,
    String url,
    String body,
    DeliveryState state,
    List<DeliveryAttempt> attempts,
    Instant nextAttemptAt,
    Instant createdAt) {

  public WebhookDelivery {
    attempts = List.copyOf(attempts);
  }

  public static WebhookDelivery queue(WebhookSubscription subscription, WebhookEvent event, Instant now) {
    return new WebhookDelivery(
        event.tenantId(),
        Ids.derived(event.tenantId(), subscription.subscriptionId(), event.eventId()),
        subscription.subscriptionId(),
        event.eventId(),
        event.type(),
        subscription.url(),
        event.body(),
        DeliveryState.PENDING,
        List.of(),
        now,
        now);
  }
}
