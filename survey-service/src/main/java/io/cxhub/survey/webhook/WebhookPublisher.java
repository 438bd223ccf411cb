package io.cxhub.survey.webhook;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues an event for every subscription of its tenant that wants its type. Idempotent:
 * the delivery ids derive from (subscription, event id), so publishing again after a crash
 * queues nothing twice.
 */
public final class WebhookPublisher {

  private static final Logger log = LoggerFactory.getLogger(WebhookPublisher.class);

  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;
  private final Runnable nudge;
  private final Clock clock;

  /** @param nudge tells the dispatcher there is work; must not block */
  public WebhookPublisher(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Runnable nudge, Clock clock) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.nudge = nudge;
    this.clock = clock;
  }

  /** @return the number of deliveries newly queued */
  public int publish(WebhookEvent event) {
    int queued = 0;
    for (WebhookSubscription subscription : subscriptions.list(event.tenantId())) {
      if (subscription.wants(event.type())
          && deliveries.insertIfAbsent(WebhookDelivery.queue(subscription, event, clock.instant()))) {
        queued++;
      }
    }
    if (queued > 0) {
      log.info("webhook event queued tenant={} type={} event={} deliveries={}",
          event.tenantId(), event.type().wireName(), event.eventId(), queued);
      nudge.run();
    }
    return queued;
  }
}
