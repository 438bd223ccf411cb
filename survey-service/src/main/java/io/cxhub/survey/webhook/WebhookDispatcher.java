package io.cxhub.survey.webhook;

import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the persistent delivery queue: sends every due delivery, records the attempt and
 * either finishes it (2xx, or an answer that a retry will not change) or schedules the
 * next attempt by the {@link RetrySchedule}.
 *
 * <p>Nothing is lost across restarts because the queue is the database: a delivery is
 * claimed (its next attempt moved by a lease) before it is sent, and the attempt is
 * recorded after; a crash in between leaves it due again once the lease ends, so the
 * receiver may see a delivery twice (the {@code CX-Delivery-Id} header lets it dedupe)
 * but never misses one.
 *
 * <p>One daemon thread does everything, so ticks never overlap.
 */
public final class WebhookDispatcher implements Worker {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  /**
   * @param pollInterval time between two looks at the queue
   * @param batchSize deliveries per look
   * @param lease how long a claimed delivery is kept from other dispatchers; longer than
   *     one HTTP attempt
   */
  public record Settings(Duration pollInterval, int batchSize, Duration lease) {}

  private final WebhookDeliveries deliveries;
  private final WebhookSubscriptions subscriptions;
  private final WebhookSender sender;
  private final TargetGuard guard;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final Settings settings;

  private final PeriodicWorker worker;

  public WebhookDispatcher(
      WebhookDeliveries deliveries,
      WebhookSubscriptions subscriptions,
      WebhookSender sender,
      TargetGuard guard,
      RetrySchedule schedule,
      Clock clock,
      Settings settings) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.guard = guard;
    this.schedule = schedule;
    this.clock = clock;
    this.settings = settings;
    this.worker = new PeriodicWorker("webhook-dispatcher", settings.pollInterval(), this::tick);
  }

  @Override
  public void start() {
    worker.start();
  }

  @Override
  public void stop() {
    worker.stop();
  }

  @Override
  public boolean isRunning() {
    return worker.isRunning();
  }

  /** Asks for a look at the queue soon; never blocks. */
  public void nudge() {
    worker.nudge();
  }


  private void tick() {
    if (!worker.isRunning()) {
      return;
    }
    runOnce();
  }

  /** Sends what is due now; returns the number of attempts made. Runs on the dispatcher thread (or a test's). */
  public int runOnce() {
    int attempts = 0;
    for (String tenant : subscriptions.tenants()) {
      attempts += runOnce(tenant);
    }
    return attempts;
  }

  private int runOnce(String tenant) {
    int attempts = 0;
    List<WebhookDelivery> due = deliveries.findDue(tenant, clock.instant(), settings.batchSize());
    for (WebhookDelivery delivery : due) {
      if (worker.isStopping()) {
        break;
      }
      Instant now = clock.instant();
      if (!deliveries.claim(delivery.tenantId(), delivery.deliveryId(), delivery.nextAttemptAt(), now.plus(settings.lease()))) {
        continue;
      }
      attempt(delivery, now);
      attempts++;
    }
    return attempts;
  }

  private void attempt(WebhookDelivery delivery, Instant now) {
    DeliveryAttempt attempt;
    var subscription = subscriptions.find(delivery.tenantId(), delivery.subscriptionId());
    if (subscription.isEmpty()) {
      attempt = new DeliveryAttempt(now, 0, Duration.ZERO, "subscription deleted");
      deliveries.recordAttempt(delivery.tenantId(), delivery.deliveryId(), attempt, DeliveryState.FAILED, null);
      return;
    }
    String url = subscription.get().url();
    var refusal = guard.refusal(url);
    if (refusal.isPresent()) {
      attempt = new DeliveryAttempt(now, 0, Duration.ZERO, "target refused: " + refusal.get());
      deliveries.recordAttempt(delivery.tenantId(), delivery.deliveryId(), attempt, DeliveryState.FAILED, null);
      log.warn("webhook target refused tenant={} delivery={}: {}", delivery.tenantId(), delivery.deliveryId(), refusal.get());
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(WebhookSigner.EVENT_TYPE_HEADER, delivery.eventType().wireName());
    headers.put(WebhookSigner.DELIVERY_ID_HEADER, delivery.deliveryId());
    headers.put(WebhookSigner.SIGNATURE_HEADER,
        WebhookSigner.signatureHeader(subscription.get().secret(), now.getEpochSecond(), delivery.body()));
    attempt = sender.post(url, headers, delivery.body());

    int number = delivery.attempts().size() + 1;
    if (attempt.succeeded()) {
      deliveries.recordAttempt(delivery.tenantId(), delivery.deliveryId(), attempt, DeliveryState.DELIVERED, null);
      log.info("webhook delivered tenant={} delivery={} type={} attempt={} status={}",
          delivery.tenantId(), delivery.deliveryId(), delivery.eventType().wireName(), number, attempt.statusCode());
      return;
    }
    Duration wait = attempt.retryable() ? schedule.waitAfter(number) : null;
    if (wait == null) {
      deliveries.recordAttempt(delivery.tenantId(), delivery.deliveryId(), attempt, DeliveryState.FAILED, null);
      log.warn("webhook delivery failed for good tenant={} delivery={} attempt={} status={} error={}",
          delivery.tenantId(), delivery.deliveryId(), number, attempt.statusCode(), attempt.error());
      return;
    }
    Instant next = clock.instant().plus(wait);
    deliveries.recordAttempt(delivery.tenantId(), delivery.deliveryId(), attempt, DeliveryState.PENDING, next);
    log.info("webhook delivery will be retried tenant={} delivery={} attempt={} status={} in={}ms",
        delivery.tenantId(), delivery.deliveryId(), number, attempt.statusCode(), wait.toMillis());
  }
}
