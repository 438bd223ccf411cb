package io.cxhub.survey.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.DependencyUnavailableException;
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
  private MetricsRelay relay;

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
    relay = new MetricsRelay(responses, feed, clock,
        new RelaySettings(pollInterval, idleRecheck, batchSize, Duration.ofMillis(20), Duration.ofMillis(100)));
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
        .build();
    responses.insert(r);
    return r;
  }

  private OutboxState state(String tenant, String id) {
    return responses.find(tenant, id).orElseThrow().outbox().state();
  }

  private long pendingCount() {
    return responses.all().stream().filter(r -> r.outbox().state() == OutboxState.PENDING).count();
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
    assertThat(responses.all()).allSatisfy(r -> assertThat(r.outbox().deliveredAt()).isNotNull());
  }

  @Test
  void marksDeliveredOnlyWhatWasAcknowledged() {
    pending("acme", "ok");
    pending("acme", "unacked");
    feed.behaviour = (t, b) -> Set.of("ok");
    startRelay(Duration.ofMillis(20), Duration.ofMillis(50), 10);

    await().atMost(WAIT).until(() -> state("acme", "ok") == OutboxState.DELIVERED);
    await().atMost(WAIT).until(() -> responses.find("acme", "unacked").orElseThrow().outbox().attempts() >= 1);
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
    assertThat(responses.all()).allSatisfy(r -> assertThat(r.outbox().attempts()).isZero());
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
    assertThat(poison.outbox().state()).isEqualTo(OutboxState.PENDING);
    assertThat(poison.outbox().attempts()).isGreaterThanOrEqualTo(1);
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
    var settings = new RelaySettings(Duration.ofMillis(500), Duration.ofSeconds(10), 500,
        Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.backoff(50)).isEqualTo(Duration.ofSeconds(30));
  }
}
