package io.cxhub.survey.webhook;

import java.time.Instant;
import java.util.Set;

/** An endpoint of a tenant subscribed to event types, with the secret that signs its deliveries. */
public record WebhookSubscription(
    String tenantId, String subscriptionId, String url, Set<EventType> eventTypes, String secret, Instant createdAt) {

  public WebhookSubscription {
    eventTypes = Set.copyOf(eventTypes);
  }

  public boolean wants(EventType type) {
    return eventTypes.contains(type);
  }
}
