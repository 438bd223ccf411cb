package io.cxhub.survey.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.survey.outbox.OutboxSettings;
import io.cxhub.survey.outbox.OutboxWorker;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.InMemorySurveyResponses;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.survey.QuestionKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsRelayTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemorySurveyResponses responses = new InMemorySurveyResponses();
  private final Clock clock = Clock.systemUTC();
  private OutboxWorker relay;

  /** Records every call; answers with {@code behaviour}. */
  private final class FakeFeed implements MetricsFeed {
    final List<String> tenants = new CopyOnWriteArrayList<>();
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final Set<String> everDelivered = ConcurrentHashMap.newKeySet();
    volatile BiFunction<String, List<SurveyResponse>, Set<String>> behaviour = (t, b) -> ids(b);

    @Override
    public Set<String> deliver(String tenantId, List<SurveyResponse> batch) {
      tenants.add(tenantId);
      batches.add(batch.stream().map(SurveyResponse::responseId).toList());
      batch.forEach(r -> assertThat(r.tenantId()).isEqualTo(tenantId));
      Set<String> acked = behaviour.apply(tenantId, batch);
      everDelivered.addAll(acked);
      return acked;
    }
  }

  private static Set<String> ids(List<SurveyResponse> batch) {
    var ids = new HashSet<String>();
    batch.forEach(r -> ids.add(r.responseId()));
    return ids;
  }

  private final FakeFeed feed = new FakeFeed();

  private void startRelay(Duration pollInterval, Duration idleRecheck, int batchSize) {
    relay = new OutboxWorker(responses, new MetricsRelay(feed), clock,
        new OutboxSettings(pollInterval, idleRecheck, batchSize, Duration.ofMillis(20), Duration.ofMillis(100), 0));
    relay.start();
  }

  @AfterEach
  void stop() {
    if (relay != null) {
      relay.stop();
    }
  }

  private SurveyResponse pending(String tenant, String id) {
    var now = clock.instant();
    var r = SurveyResponse.builder().tenantId(tenant).responseId(id).surveyId("s1").channel(Channel.LINK)
        .answers(List.of(new ResponseAnswer("q1", QuestionKind.NPS, 0, 10, new AnswerValue.Score(9))))
        .submitTime(now)
        .outbox(Outbox.pending(now, List.of(MetricsRelay.NAME, "other")))
        .build();
    responses.insert(r);
    return r;
  }

  private OutboxState state(String tenant, String id) {
    return metrics(responses.find(tenant, id).orElseThrow()).state();
  }

  private static Outbox.Delivery metrics(SurveyResponse r) {
    return r.outbox().of(MetricsRelay.NAME);
  }

  private long pendingCount() {
    return responses.all().stream().filter(r -> metrics(r).state() == OutboxState.PENDING).count();
  }

  @Test
  void deliversInBoundedBatchesOfOneTenantEach() {
    for (int i = 0; i < 7; i++) {
      pending("acme", "a" + i);
    }
    pending("globex", "g1");
    pending("globex", "g2");
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 3);

    await().atMost(WAIT).until(() -> pendingCount() == 0);
    assertThat(feed.batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(3));
    assertThat(feed.everDelivered).hasSize(9);
    assertThat(responses.all()).allSatisfy(r -> assertThat(metrics(r).doneAt()).isNotNull());
    // another subscriber's state is its own: still pending for it
    assertThat(responses.all()).allSatisfy(r -> assertThat(r.outbox().of("other").state()).isEqualTo(OutboxState.PENDING));
    assertThat(responses.lag(MetricsRelay.NAME).pending()).isZero();
    assertThat(responses.lag("other").pending()).isEqualTo(9);
  }

  @Test
  void marksDeliveredOnlyWhatWasAcknowledged() {
    pending("acme", "ok");
    pending("acme", "unacked");
    feed.behaviour = (t, b) -> Set.of("ok");
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 10);

    await().atMost(WAIT).until(() -> state("acme", "ok") == OutboxState.DELIVERED);
    await().atMost(WAIT).until(() -> metrics(responses.find("acme", "unacked").orElseThrow()).attempts() >= 1);
    assertThat(state("acme", "unacked")).isEqualTo(OutboxState.PENDING);
  }

  @Test
  void unreachableMetricsLeavesEverythingPendingThenDeliversEachOnce() {
    pending("acme", "r1");
    pending("acme", "r2");
    var failures = new AtomicInteger();
    feed.behaviour = (t, b) -> {
      if (failures.incrementAndGet() <= 3) {
        throw new DependencyUnavailableException("down", null);
      }
      return ids(b);
    };
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 10);

    await().atMost(WAIT).until(() -> pendingCount() == 0);
    assertThat(failures.get()).isGreaterThanOrEqualTo(4);
    // transient failures pause the relay; they are not counted against the responses
    assertThat(responses.all()).allSatisfy(r -> assertThat(metrics(r).attempts()).isZero());
  }

  @Test
  void aRejectedBatchIsDeferredWithoutBlockingTheOthers() {
    pending("acme", "poison");
    // installed before the relay starts, so its first poll already meets the refusal
    feed.behaviour = (t, b) -> {
      if (ids(b).contains("poison")) {
        throw new DeliveryRejectedException("refused", null);
      }
      return ids(b);
    };
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 1);
    pending("acme", "fine");
    relay.accepted("acme");

    await().atMost(WAIT).until(() -> state("acme", "fine") == OutboxState.DELIVERED);
    var poison = responses.find("acme", "poison").orElseThrow();
    assertThat(metrics(poison).state()).isEqualTo(OutboxState.PENDING);
    assertThat(metrics(poison).attempts()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aNudgeDeliversWithoutWaitingForThePoll() {
    startRelay(Duration.ofHours(1), Duration.ofHours(1), 10);
    await().atMost(WAIT).until(() -> feed.batches.isEmpty() && relay.isRunning());
    Instant before = clock.instant();
    pending("acme", "r1");
    relay.accepted("acme");

    await().atMost(Duration.ofSeconds(5)).until(() -> state("acme", "r1") == OutboxState.DELIVERED);
    assertThat(Duration.between(before, clock.instant())).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void stopsCleanlyAndIgnoresLateNudges() {
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 10);
    relay.stop();
    assertThat(relay.isRunning()).isFalse();
    pending("acme", "late");
    relay.accepted("acme");
    assertThat(state("acme", "late")).isEqualTo(OutboxState.PENDING);
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    var settings = new OutboxSettings(Duration.ofMillis(500), Duration.ofSeconds(10), 500,
        Duration.ofMillis(500), Duration.ofSeconds(30), 0);
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.backoff(50)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aSubscriberWithBoundedAttemptsSetsAsideWhatKeepsFailingAndGoesOn() {
    var evaluated = new CopyOnWriteArrayList<String>();
    var alerts = new io.cxhub.survey.alert.AlertEvaluation(subject -> {
      if (subject.responseId().equals("poison")) {
        throw new IllegalStateException("broken");
      }
      evaluated.add(subject.responseId());
    });
    var now = clock.instant();
    for (String id : List.of("poison", "ok")) {
      responses.insert(SurveyResponse.builder().tenantId("acme").responseId(id).surveyId("s1").submitTime(now)
          .outbox(Outbox.pending(now, List.of(alerts.name()))).build());
    }
    var worker = new OutboxWorker(responses, alerts, clock,
        new OutboxSettings(Duration.ofHours(1), Duration.ofHours(1), 10, Duration.ZERO, Duration.ZERO, 3));

    for (int i = 0; i < 3; i++) {
      worker.runOnce();
    }

    assertThat(evaluated).containsExactly("ok");
    var poison = responses.find("acme", "poison").orElseThrow().outbox().of(alerts.name());
    assertThat(poison.state()).isEqualTo(OutboxState.FAILED);
    assertThat(poison.error()).contains("broken");
    assertThat(responses.lag(alerts.name()).pending()).isZero();
    worker.runOnce();
    assertThat(evaluated).containsExactly("ok");
  }

  @Test
  void aSlowMetricsServiceGetsSmallerCallsAndTheRelayGrowsThemBackWhenItKeepsUp() {
    var feed = new FakeFeed();
    var slowAbove = new AtomicInteger(130);
    feed.behaviour = (t, b) -> {
      if (b.size() > slowAbove.get()) {
        throw new DeliveryTimedOutException("too slow for " + b.size(), null);
      }
      return ids(b);
    };
    var relay = new MetricsRelay(feed);
    var now = clock.instant();
    var batch = new java.util.ArrayList<SurveyResponse>();
    for (int i = 0; i < 500; i++) {
      batch.add(SurveyResponse.builder().tenantId("acme").responseId("r" + i).surveyId("s1").submitTime(now).build());
    }

    // 500 at once times out: nothing delivered, the worker backs off and retries the batch
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.handle("acme", batch))
        .isInstanceOf(DeliveryTimedOutException.class);
    assertThat(relay.perCall()).isEqualTo(250);
    // 250 times out too, after nothing: still the worker's retry
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.handle("acme", batch))
        .isInstanceOf(DeliveryTimedOutException.class);
    assertThat(relay.perCall()).isEqualTo(125);
    // 125 fits: then 156 does not; what went before is reported delivered, the rest stays pending
    var delivered = relay.handle("acme", batch);
    assertThat(delivered).hasSize(125);
    assertThat(relay.perCall()).isEqualTo(78);
    // once metrics-service keeps up, calls grow back by a quarter each: 78, 97, 121, 151, then the last 53
    slowAbove.set(1000);
    feed.batches.clear();
    assertThat(relay.handle("acme", batch)).hasSize(500);
    assertThat(feed.batches).extracting(List::size).containsExactly(78, 97, 121, 151, 53);
    assertThat(relay.perCall()).isEqualTo(188);
  }

  @Test
  void aDeadlineIsNotRetriedAtOnceButOtherTransientFailuresAre() {
    var shrink = new io.cxhub.survey.relay.grpc.RetryBeforeShrinking();
    assertThat(shrink.test(io.grpc.Status.DEADLINE_EXCEEDED.asRuntimeException())).isFalse();
    assertThat(shrink.test(io.grpc.Status.UNAVAILABLE.asRuntimeException())).isTrue();
    assertThat(shrink.test(io.grpc.Status.INVALID_ARGUMENT.asRuntimeException())).isFalse();
  }
}
