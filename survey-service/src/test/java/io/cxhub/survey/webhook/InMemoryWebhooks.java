package io.cxhub.survey.webhook;

import io.cxhub.kit.id.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory subscriptions and delivery queue for unit tests. */
final class InMemoryWebhooks {

  final Subscriptions subscriptions = new Subscriptions();
  final Deliveries deliveries = new Deliveries();

  static final class Subscriptions implements WebhookSubscriptions {
  final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();

  @Override
  public void insert(WebhookSubscription s) {
    subscriptions.put(Ids.tenantScoped(s.tenantId(), s.subscriptionId()), s);
  }

  @Override
  public Optional<WebhookSubscription> find(String tenantId, String subscriptionId) {
    return Optional.ofNullable(subscriptions.get(Ids.tenantScoped(tenantId, subscriptionId)));
  }

  @Override
  public List<WebhookSubscription> list(String tenantId) {
    return subscriptions.values().stream().filter(s -> s.tenantId().equals(tenantId)).toList();
  }

  @Override
  public java.util.Set<String> tenants() {
    var result = new java.util.HashSet<String>();
    subscriptions.values().forEach(s -> result.add(s.tenantId()));
    return result;
  }

  @Override
  public boolean delete(String tenantId, String subscriptionId) {
    return subscriptions.remove(Ids.tenantScoped(tenantId, subscriptionId)) != null;
  }

  }

  static final class Deliveries implements WebhookDeliveries {
  final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();

  @Override
  public synchronized boolean insertIfAbsent(WebhookDelivery d) {
    return deliveries.putIfAbsent(Ids.tenantScoped(d.tenantId(), d.deliveryId()), d) == null;
  }

  @Override
  public Optional<WebhookDelivery> find(String tenantId, String deliveryId) {
    return Optional.ofNullable(deliveries.get(Ids.tenantScoped(tenantId, deliveryId)));
  }

  @Override
  public List<WebhookDelivery> findDue(String tenantId, Instant now, int limit) {
    return deliveries.values().stream()
        .filter(d -> d.tenantId().equals(tenantId))
        .filter(d -> d.state() == DeliveryState.PENDING && !d.nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean claim(String tenantId, String deliveryId, Instant due, Instant leaseUntil) {
    var d = deliveries.get(Ids.tenantScoped(tenantId, deliveryId));
    if (d == null || d.state() != DeliveryState.PENDING || !d.nextAttemptAt().equals(due)) {
      return false;
    }
    deliveries.put(Ids.tenantScoped(tenantId, deliveryId), with(d, d.attempts(), d.state(), leaseUntil));
    return true;
  }

  @Override
  public synchronized void recordAttempt(
      String tenantId, String deliveryId, DeliveryAttempt attempt, DeliveryState state, Instant nextAttemptAt) {
    var d = deliveries.get(Ids.tenantScoped(tenantId, deliveryId));
    var attempts = new ArrayList<>(d.attempts());
    attempts.add(attempt);
    deliveries.put(Ids.tenantScoped(tenantId, deliveryId), with(d, attempts, state, nextAttemptAt));
  }

  @Override
  public synchronized void reschedule(String tenantId, String deliveryId, Instant now) {
    var d = deliveries.get(Ids.tenantScoped(tenantId, deliveryId));
    deliveries.put(Ids.tenantScoped(tenantId, deliveryId), with(d, d.attempts(), DeliveryState.PENDING, now));
  }

  @Override
  public List<WebhookDelivery> listBySubscription(String tenantId, String subscriptionId, int limit) {
    return deliveries.values().stream()
        .filter(d -> d.tenantId().equals(tenantId) && d.subscriptionId().equals(subscriptionId))
        .limit(limit)
        .toList();
  }

  private static WebhookDelivery with(WebhookDelivery d, List<DeliveryAttempt> attempts, DeliveryState state, Instant next) {
    return new WebhookDelivery(d.tenantId(), d.deliveryId(), d.subscriptionId(), d.eventId(), d.eventType(), d.url(),
        d.body(), state, attempts, next, d.createdAt());
  }
}
}
