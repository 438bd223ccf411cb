package io.cxhub.survey.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final InMemoryWebhooks store = new InMemoryWebhooks();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Map<String, String>> sent = new ArrayList<>();
  private final WebhookSender sender = (url, headers, body) -> {
    sent.add(headers);
    int status = answers.isEmpty() ? 200 : answers.poll();
    return new DeliveryAttempt(clock.instant(), status, Duration.ofMillis(3), status == 200 ? null : "HTTP " + status);
  };
  private final RetrySchedule schedule = new RetrySchedule(3, attempt -> Duration.ofMinutes(attempt));
  private final WebhookDispatcher dispatcher = new WebhookDispatcher(store.deliveries, store.subscriptions, sender,
      new TargetGuard(new TargetGuard.Policy(true, true), host -> List.of(java.net.InetAddress.getLoopbackAddress())), schedule, clock,
      new WebhookDispatcher.Settings(Duration.ofSeconds(1), 10, Duration.ofMinutes(1)));
  private final WebhookPublisher publisher =
      new WebhookPublisher(store.subscriptions, store.deliveries, () -> {}, clock);

  private WebhookDelivery only() {
    assertThat(store.deliveries.deliveries).hasSize(1);
    return store.deliveries.deliveries.values().iterator().next();
  }

  private void subscribe(EventType... types) {
    store.subscriptions.insert(new WebhookSubscription("t1", "s1", "http://localhost/h", Set.of(types),
        "secret-secret-secret", clock.instant()));
  }

  private static WebhookEvent event(EventType type) {
    return new WebhookEvent("t1", "e1", type, Instant.parse("2026-01-01T09:00:00Z"), "{\"x\":1}");
  }

  @Test
  void publishesOnlyToSubscriptionsWantingTheTypeAndOnlyOnce() {
    subscribe(EventType.CASE_OPENED);
    assertThat(publisher.publish(event(EventType.ALERT_FIRED))).isZero();
    assertThat(publisher.publish(event(EventType.CASE_OPENED))).isOne();
    assertThat(publisher.publish(event(EventType.CASE_OPENED))).isZero();
    assertThat(only().state()).isEqualTo(DeliveryState.PENDING);
  }

  @Test
  void signsAndDeliversWithDeliveryIdAndEventType() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    assertThat(dispatcher.runOnce()).isOne();
    var headers = sent.get(0);
    assertThat(headers).containsEntry("CX-Event-Type", "case.opened")
        .containsEntry("CX-Delivery-Id", only().deliveryId())
        .containsEntry("CX-Signature",
            WebhookSigner.signatureHeader("secret-secret-secret", clock.instant().getEpochSecond(), "{\"x\":1}"));
    assertThat(only().state()).isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void retriesServerErrorsOnScheduleThenSucceeds() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    answers.add(500);
    dispatcher.runOnce();
    assertThat(only().state()).isEqualTo(DeliveryState.PENDING);
    assertThat(only().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

    clock.advance(Duration.ofSeconds(59));
    assertThat(dispatcher.runOnce()).as("not due yet").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.runOnce()).isOne();
    assertThat(only().state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(only().attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(500, 200);
    assertThat(sent.get(0).get("CX-Delivery-Id")).isEqualTo(sent.get(1).get("CX-Delivery-Id"));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    answers.addAll(List.of(503, 503, 503));
    for (int i = 0; i < 3; i++) {
      dispatcher.runOnce();
      clock.advance(Duration.ofHours(1));
    }
    assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only().attempts()).hasSize(3);
  }

  @Test
  void doesNotRetryClientErrorsButRetries408And429() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    answers.addAll(List.of(429, 408, 404));
    dispatcher.runOnce();
    clock.advance(Duration.ofMinutes(1));
    dispatcher.runOnce();
    clock.advance(Duration.ofMinutes(2));
    dispatcher.runOnce();
    assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only().attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(429, 408, 404);
  }

  @Test
  void refusesPrivateTargetsAtDeliveryTime() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    var strict = new WebhookDispatcher(store.deliveries, store.subscriptions, sender,
        new TargetGuard(TargetGuard.Policy.PUBLIC_ONLY, host -> List.of(java.net.InetAddress.getLoopbackAddress())), schedule, clock,
        new WebhookDispatcher.Settings(Duration.ofSeconds(1), 10, Duration.ofMinutes(1)));
    strict.runOnce();
    assertThat(sent).isEmpty();
    assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only().attempts().get(0).error()).startsWith("target refused");
  }

  @Test
  void usesTheSubscriptionsCurrentSecretAndStopsWhenItIsDeleted() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    store.subscriptions.insert(new WebhookSubscription("t1", "s1", "http://localhost/h", Set.of(EventType.CASE_OPENED),
        "rotated-secret-rotated", clock.instant()));
    dispatcher.runOnce();
    assertThat(sent.get(0).get("CX-Signature")).isEqualTo(
        WebhookSigner.signatureHeader("rotated-secret-rotated", clock.instant().getEpochSecond(), "{\"x\":1}"));

    publisher.publish(new WebhookEvent("t1", "e2", EventType.CASE_OPENED, clock.instant(), "{}"));
    store.subscriptions.delete("t1", "s1");
    store.subscriptions.insert(new WebhookSubscription("t1", "other", "http://localhost/o", Set.of(EventType.ALERT_FIRED),
        "secret-secret-secret", clock.instant()));
    dispatcher.runOnce();
    assertThat(sent).hasSize(1);
    assertThat(store.deliveries.deliveries.values()).filteredOn(d -> d.eventId().equals("e2")).singleElement()
        .satisfies(d -> {
          assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
          assertThat(d.attempts().get(0).error()).isEqualTo("subscription deleted");
        });
  }

  @Test
  void aClaimedDeliveryIsNotSentTwice() {
    subscribe(EventType.CASE_OPENED);
    publisher.publish(event(EventType.CASE_OPENED));
    var d = only();
    assertThat(store.deliveries.claim("t1", d.deliveryId(), d.nextAttemptAt(), clock.instant().plusSeconds(60))).isTrue();
    assertThat(dispatcher.runOnce()).isZero();
    clock.advance(Duration.ofSeconds(60));
    assertThat(dispatcher.runOnce()).as("due again when the lease ends").isOne();
  }
}
