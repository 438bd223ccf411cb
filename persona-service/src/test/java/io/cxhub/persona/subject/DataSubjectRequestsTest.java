package io.cxhub.persona.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataSubjectRequestsTest {

  private static final String TENANT = "acme";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemorySubjectRequests store = new InMemorySubjectRequests();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final FakePart persona = new FakePart("persona", Set.of("c-20"));
  private final FakePart survey = new FakePart("survey", Set.of("c-20", "only-survey"));
  private final FakePart metrics = new FakePart("metrics", Set.of("c-20"));
  private final AtomicInteger nudges = new AtomicInteger();
  private final DataSubjectRequests requests = new DataSubjectRequests(store, persona, List.of(survey, metrics),
      (tenant, id) -> persona.held.contains(id), executor, clock,
      new DataSubjectRequests.Settings(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofDays(7),
          Duration.ofDays(7)),
      nudges::incrementAndGet);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void erasureCallsEveryServiceAndSucceedsOnceAllConfirm() {
    var created = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    assertThat(created.state()).isEqualTo(SubjectRequest.State.RUNNING);
    assertThat(created.parts()).extracting(SubjectRequest.Part::service).containsExactly("persona", "survey", "metrics");
    assertThat(nudges).hasValue(1);

    requests.tick();

    var done = requests.get(TENANT, created.id());
    assertThat(done.state()).isEqualTo(SubjectRequest.State.SUCCEEDED);
    assertThat(done.parts()).allMatch(SubjectRequest.Part::done);
    assertThat(done.completedAt()).isNotNull();
    // the id is not kept once the subject is erased: only its hash names it
    assertThat(done.customerId()).isNull();
    assertThat(done.subjectHash()).isEqualTo(SubjectHash.of("c-20"));
    assertThat(survey.erased).containsExactly("c-20");
    assertThat(metrics.erased).containsExactly("c-20");
  }

  @Test
  void secondRequestForTheSameSubjectWhileOneRunsReturnsIt() {
    var first = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    var second = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-2");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(store.requests).hasSize(1);
    // another kind is another request
    assertThat(requests.create(TENANT, SubjectRequest.Kind.EXPORT, "c-20", "key-1").id()).isNotEqualTo(first.id());
  }

  @Test
  void serviceDownLeavesItsPartPendingWithBackoffUntilItIsBack() {
    survey.down = true;
    var created = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    requests.tick();

    var running = requests.get(TENANT, created.id());
    assertThat(running.state()).isEqualTo(SubjectRequest.State.RUNNING);
    var part = part(running, "survey");
    assertThat(part.done()).isFalse();
    assertThat(part.attempts()).isEqualTo(1);
    assertThat(part.lastError()).contains("UNAVAILABLE");
    assertThat(part.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
    assertThat(part(running, "metrics").done()).isTrue();

    // not due yet: no call
    requests.tick();
    assertThat(part(requests.get(TENANT, created.id()), "survey").attempts()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    requests.tick();
    var second = part(requests.get(TENANT, created.id()), "survey");
    assertThat(second.attempts()).isEqualTo(2);
    // doubled
    assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(2));
    assertThat(metrics.erased).hasSize(1);

    survey.down = false;
    clock.advance(Duration.ofSeconds(2));
    requests.tick();
    assertThat(requests.get(TENANT, created.id()).state()).isEqualTo(SubjectRequest.State.SUCCEEDED);
  }

  @Test
  void requestStillFailingAfterTheStallLimitIsStalledAndStillRetried() {
    survey.down = true;
    var created = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    requests.tick();
    clock.advance(Duration.ofDays(7));
    requests.tick();
    assertThat(requests.get(TENANT, created.id()).state()).isEqualTo(SubjectRequest.State.STALLED);

    survey.down = false;
    clock.advance(Duration.ofMinutes(10));
    requests.tick();
    assertThat(requests.get(TENANT, created.id()).state()).isEqualTo(SubjectRequest.State.SUCCEEDED);
  }

  @Test
  void backoffDoublesUpToTheLimit() {
    assertThat(requests.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(requests.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(requests.backoff(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(requests.backoff(40)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void unknownSubjectIsNotFoundNamingCustomerId() {
    assertThatThrownBy(() -> requests.create(TENANT, SubjectRequest.Kind.ERASURE, "nobody", "key-1"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("customer_id");
    assertThat(store.requests).isEmpty();
  }

  @Test
  void subjectHeldOnlyByAnotherServiceIsKnown() {
    var created = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "only-survey", "key-1");
    requests.tick();
    assertThat(requests.get(TENANT, created.id()).state()).isEqualTo(SubjectRequest.State.SUCCEEDED);
    assertThat(survey.erased).containsExactly("only-survey");
  }

  @Test
  void refusesMissingKindOrCustomerId() {
    assertThatThrownBy(() -> requests.create(TENANT, null, "c-20", "k"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("kind"));
    assertThatThrownBy(() -> requests.create(TENANT, SubjectRequest.Kind.ERASURE, " ", "k"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("customer_id"));
  }

  @Test
  void exportCollectsOneSectionPerServiceKeptForTheRetention() {
    var created = requests.create(TENANT, SubjectRequest.Kind.EXPORT, "c-20", "key-1");
    assertThatThrownBy(() -> requests.export(TENANT, created.id())).isInstanceOf(PreconditionFailedException.class);
    requests.tick();

    var export = requests.export(TENANT, created.id());
    assertThat(export.sections()).containsOnlyKeys("persona", "survey", "metrics");
    assertThat(export.sections().get("survey")).isEqualTo("{\"items\":[\"c-20\"]}");
    assertThat(export.request().customerId()).isEqualTo("c-20");

    clock.advance(Duration.ofDays(7));
    requests.tick();
    assertThatThrownBy(() -> requests.export(TENANT, created.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void erasureDeletesTheSubjectsExportsAndForgetsItsId() {
    var export = requests.create(TENANT, SubjectRequest.Kind.EXPORT, "c-20", "key-1");
    requests.tick();
    requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    requests.tick();

    assertThat(requests.get(TENANT, export.id()).customerId()).isNull();
    assertThatThrownBy(() -> requests.export(TENANT, export.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anExportRunningWhenTheSubjectIsErasedCompletesWithNothingAndKeepsNoId() {
    survey.down = true;
    var export = requests.create(TENANT, SubjectRequest.Kind.EXPORT, "c-20", "key-1");
    requests.tick();
    survey.down = false;
    var erasure = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    // the erasure is advanced first; the export, due in the same tick, is read again
    requests.advance(store.find(TENANT, erasure.id()).orElseThrow());
    clock.advance(Duration.ofSeconds(1));
    requests.tick();

    var done = requests.get(TENANT, export.id());
    assertThat(done.state()).isEqualTo(SubjectRequest.State.SUCCEEDED);
    assertThat(done.customerId()).isNull();
    assertThat(store.requests.values()).allMatch(r -> r.customerId() == null);
  }

  @Test
  void requestsAreTenantScoped() {
    var created = requests.create(TENANT, SubjectRequest.Kind.ERASURE, "c-20", "key-1");
    assertThatThrownBy(() -> requests.get("other", created.id())).isInstanceOf(NotFoundException.class);
  }

  private static SubjectRequest.Part part(SubjectRequest r, String service) {
    return r.parts().stream().filter(p -> p.service().equals(service)).findFirst().orElseThrow();
  }

  /** A service's part: holds some subjects, may be down. */
  static final class FakePart implements SubjectData {
    final String service;
    final Set<String> held;
    final List<String> erased = Collections.synchronizedList(new ArrayList<>());
    volatile boolean down;

    FakePart(String service, Set<String> held) {
      this.service = service;
      this.held = held;
    }

    @Override
    public String service() {
      return service;
    }

    @Override
    public long erase(String tenantId, String customerId, String requestId) {
      if (down) {
        throw new IllegalStateException("UNAVAILABLE: " + service + " down");
      }
      erased.add(customerId);
      return held.contains(customerId) ? 1 : 0;
    }

    @Override
    public Section export(String tenantId, String customerId, String requestId) {
      if (down) {
        throw new IllegalStateException("UNAVAILABLE: " + service + " down");
      }
      return held.contains(customerId) ? new Section("{\"items\":[\"" + customerId + "\"]}", 1)
          : new Section("{\"items\":[]}", 0);
    }
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
