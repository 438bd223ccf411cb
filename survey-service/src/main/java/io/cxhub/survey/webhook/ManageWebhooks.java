package io.cxhub.survey.webhook;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.id.Ids;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The use cases of webhook subscriptions and of their delivery log. */
public final class ManageWebhooks {

  private static final Logger log = LoggerFactory.getLogger(ManageWebhooks.class);
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;
  static final int MAX_URL = 2048;
  /** Each event is queued once per subscription, so their number bounds the work per event. */
  static final int MAX_SUBSCRIPTIONS = 25;

  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;
  private final TargetGuard guard;
  private final Runnable nudge;
  private final Clock clock;

  public ManageWebhooks(
      WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, TargetGuard guard, Runnable nudge, Clock clock) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.guard = guard;
    this.nudge = nudge;
    this.clock = clock;
  }

  /**
   * @param secret null or empty to have one generated
   * @return the subscription with its secret (the only time it is returned)
   */
  public WebhookSubscription create(String tenantId, String url, List<String> eventTypes, String secret) {
    var violations = new ArrayList<FieldViolation>();
    if (url == null || url.isBlank()) {
      violations.add(new FieldViolation("url", "is required"));
    } else if (url.length() > MAX_URL) {
      violations.add(new FieldViolation("url", "must be at most " + MAX_URL + " characters"));
    } else {
      guard.refusal(url).ifPresent(reason -> violations.add(new FieldViolation("url", reason)));
    }
    var types = EnumSet.noneOf(EventType.class);
    if (eventTypes.isEmpty()) {
      violations.add(new FieldViolation("event_types", "at least one event type is required"));
    }
    for (String name : eventTypes) {
      EventType.fromWireName(name).ifPresentOrElse(types::add,
          () -> violations.add(new FieldViolation("event_types", "unknown event type '" + name + "'")));
    }
    boolean generate = secret == null || secret.isEmpty();
    if (!generate && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
      violations.add(new FieldViolation("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    if (subscriptions.list(tenantId).size() >= MAX_SUBSCRIPTIONS) {
      throw new PreconditionFailedException("a tenant may have at most " + MAX_SUBSCRIPTIONS
          + " webhook subscriptions; delete one first");
    }
    var subscription = new WebhookSubscription(
        tenantId,
        Ids.random(),
        url,
        types,
        generate ? "whsec_" + Ids.random() + Ids.random() : secret,
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
    subscriptions.insert(subscription);
    log.info("webhook subscription created tenant={} subscription={} events={}",
        tenantId, subscription.subscriptionId(), types);
    return subscription;
  }

  public WebhookSubscription get(String tenantId, String subscriptionId) {
    return subscriptions.find(tenantId, subscriptionId)
        .orElseThrow(() -> new NotFoundException("webhook subscription", subscriptionId));
  }

  public List<WebhookSubscription> list(String tenantId) {
    return subscriptions.list(tenantId);
  }

  public void delete(String tenantId, String subscriptionId) {
    if (!subscriptions.delete(tenantId, subscriptionId)) {
      throw new NotFoundException("webhook subscription", subscriptionId);
    }
    log.info("webhook subscription deleted tenant={} subscription={}", tenantId, subscriptionId);
  }

  /** @param pageSize 0 for 20; at most 100 */
  public List<WebhookDelivery> deliveries(String tenantId, String subscriptionId, int pageSize) {
    if (pageSize < 0 || pageSize > 100) {
      throw InvalidInputException.of("page_size", "must be between 1 and 100");
    }
    get(tenantId, subscriptionId);
    return deliveries.listBySubscription(tenantId, subscriptionId, pageSize == 0 ? 20 : pageSize);
  }

  /** Makes the delivery due now, whatever its state; the dispatcher sends it at once. */
  public WebhookDelivery redeliver(String tenantId, String subscriptionId, String deliveryId) {
    var delivery = deliveries.find(tenantId, deliveryId)
        .filter(d -> d.subscriptionId().equals(subscriptionId))
        .orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
    deliveries.reschedule(tenantId, deliveryId, clock.instant());
    log.info("webhook redelivery requested tenant={} delivery={}", tenantId, deliveryId);
    nudge.run();
    return deliveries.find(tenantId, delivery.deliveryId()).orElseThrow();
  }
}
