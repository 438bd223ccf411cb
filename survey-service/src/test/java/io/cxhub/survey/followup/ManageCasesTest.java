package io.cxhub.survey.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.domain.NpsCategory;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.survey.webhook.WebhookPublisher;
import io.cxhub.survey.webhook.WebhookSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageCasesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final InMemoryFollowUpCases store = new InMemoryFollowUpCases();
  private final WebhookPublisher noWebhooks = new WebhookPublisher(new NoSubscriptions(), null, () -> {}, clock);
  private final OpenCase openCase =
      new OpenCase(store, noWebhooks, new OpenCase.DefaultSla(Duration.ofHours(4), Duration.ofHours(48)), clock);
  private final ManageCases cases = new ManageCases(store, noWebhooks, clock);

  private FollowUpCase open(String id, NpsCategory category, Duration firstContact) {
    return openCase.open(new CaseOpening("t1", id, "rule", "resp-" + id, null, "s1", category, "Detractor",
        null, "care", firstContact, null));
  }

  @Test
  void opensWithThePlaybookOfItsCategoryAndItsSla() {
    var c = open("c1", NpsCategory.DETRACTOR, null);
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.playbook()).extracting(PlaybookStep::key).containsExactly("contact", "learn-cause", "fix", "confirm");
    assertThat(c.firstContactDue()).isEqualTo(clock.instant().plus(Duration.ofHours(4)));
    assertThat(c.resolutionDue()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
    assertThat(open("c2", NpsCategory.PROMOTER, Duration.ofHours(1)).playbook()).extracting(PlaybookStep::key)
        .containsExactly("thank", "ask-why", "invite");
    assertThat(open("c3", NpsCategory.PASSIVE, null).playbook()).extracting(PlaybookStep::key)
        .containsExactly("engage", "offer");
  }

  @Test
  void openingTwiceKeepsOneCase() {
    open("c1", NpsCategory.DETRACTOR, null);
    cases.transition("t1", "c1", CaseStatus.IN_PROGRESS);
    var again = open("c1", NpsCategory.DETRACTOR, null);
    assertThat(store.size()).isOne();
    assertThat(again.status()).as("the stored case, untouched").isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @Test
  void followsTheLifecycleAndReopens() {
    open("c1", NpsCategory.DETRACTOR, null);
    for (var status : List.of(CaseStatus.IN_PROGRESS, CaseStatus.CONTACTED, CaseStatus.RESOLVED, CaseStatus.CLOSED,
        CaseStatus.OPEN)) {
      assertThat(cases.transition("t1", "c1", status).status()).isEqualTo(status);
    }
    assertThat(cases.get("t1", "c1").resolvedAt()).isNull();
    assertThat(cases.get("t1", "c1").firstContactAt()).isNotNull();
  }

  @Test
  void rejectsInvalidTransitionsNamingTheStates() {
    open("c1", NpsCategory.DETRACTOR, null);
    assertThatThrownBy(() -> cases.transition("t1", "c1", CaseStatus.CLOSED))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("OPEN").hasMessageContaining("CLOSED");
    assertThatThrownBy(() -> cases.transition("t1", "c1", CaseStatus.OPEN))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void breachFlagFollowsTheClock() {
    open("c1", NpsCategory.DETRACTOR, Duration.ofHours(1));
    assertThat(cases.get("t1", "c1").breached(clock.instant())).isFalse();
    clock.advance(Duration.ofMinutes(61));
    assertThat(cases.get("t1", "c1").breached(clock.instant())).isTrue();
    cases.transition("t1", "c1", CaseStatus.IN_PROGRESS);
    var contacted = cases.transition("t1", "c1", CaseStatus.CONTACTED);
    assertThat(contacted.firstContactLate()).isTrue();
    assertThat(contacted.breached(clock.instant())).as("late first contact stays a breach").isTrue();

    open("c2", NpsCategory.DETRACTOR, Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(30));
    cases.transition("t1", "c2", CaseStatus.IN_PROGRESS);
    assertThat(cases.transition("t1", "c2", CaseStatus.CONTACTED).breached(clock.instant())).isFalse();
  }

  @Test
  void updatesAndNotesBumpTheVersion() {
    open("c1", NpsCategory.DETRACTOR, null);
    var updated = cases.update("t1", "c1", "alice", null, "late-delivery");
    assertThat(updated.assignee()).isEqualTo("alice");
    assertThat(updated.team()).isEqualTo("care");
    var noted = cases.addNote("t1", "c1", "alice", "Called, will call back");
    assertThat(noted.notes()).extracting(CaseNote::text).containsExactly("Called, will call back");
    assertThat(noted.version()).isEqualTo(3);
  }

  /** A tenant without subscriptions: publishing queues nothing. */
  private static final class NoSubscriptions implements WebhookSubscriptions {
    @Override
    public void insert(io.cxhub.survey.webhook.WebhookSubscription subscription) {}

    @Override
    public Optional<io.cxhub.survey.webhook.WebhookSubscription> find(String tenantId, String subscriptionId) {
      return Optional.empty();
    }

    @Override
    public List<io.cxhub.survey.webhook.WebhookSubscription> list(String tenantId) {
      return List.of();
    }

    @Override
    public Set<String> tenants() {
      return Set.of();
    }

    @Override
    public boolean delete(String tenantId, String subscriptionId) {
      return false;
    }
  }


  @Test
  void aPageTokenReusedWithAnotherFilterIsRefusedNamingPageToken() {
    for (int i = 0; i < 3; i++) {
      open("c" + i, NpsCategory.DETRACTOR, null);
    }
    var detractors = new CaseFilter(null, NpsCategory.DETRACTOR, null, null, false, null);
    var first = cases.list("t1", detractors, 2, "");

    assertThat(cases.list("t1", detractors, 2, first.nextPageToken()).cases()).hasSize(1);
    assertThatThrownBy(() -> cases.list("t1", new CaseFilter(null, NpsCategory.PROMOTER, null, null, false, null), 2,
        first.nextPageToken()))
        .isInstanceOfSatisfying(io.cxhub.kit.error.InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(io.cxhub.kit.error.FieldViolation::field)
                .containsExactly("page_token"));
  }
}
