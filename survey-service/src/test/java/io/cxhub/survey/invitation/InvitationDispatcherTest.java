package io.cxhub.survey.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.webhook.MutableClock;
import io.cxhub.survey.webhook.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The send queue's rules with in-memory storage, fake providers and a clock moved by hand. */
class InvitationDispatcherTest {

  private static final String TENANT = "acme";
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final InMemoryInvitations store = new InMemoryInvitations();
  private final FakeEmail email = new FakeEmail();
  private final AtomicInteger budget = new AtomicInteger(Integer.MAX_VALUE);

  private final InvitationDispatcher dispatcher = new InvitationDispatcher(
      store.campaigns, store, store, email, new FakeSms(), tenant -> budget.getAndDecrement() > 0,
      new InvitationLinks() {
        @Override
        public String survey(String token) {
          return "https://cx.test/s/" + token;
        }

        @Override
        public String optOut(String token) {
          return "https://cx.test/v1/public/invitations/" + token + "/opt-out";
        }
      },
      new RetrySchedule(3, attempt -> Duration.ofMinutes(attempt)),
      clock,
      new InvitationDispatcher.Settings(Duration.ofSeconds(1), 50, LEASE));

  /** Answers with the queued results, then ACCEPTED. */
  static final class FakeEmail implements EmailSender {
    final List<EmailMessage> sent = new ArrayList<>();
    final Queue<ProviderResult> results = new LinkedList<>();

    @Override
    public boolean configured() {
      return true;
    }

    @Override
    public ProviderResult send(EmailMessage message) {
      sent.add(message);
      return results.isEmpty() ? ProviderResult.accepted() : results.poll();
    }
  }

  static final class FakeSms implements SmsSender {
    @Override
    public boolean configured() {
      return false;
    }

    @Override
    public ProviderResult send(String to, String text, String reference) {
      throw new AssertionError("no SMS in these tests");
    }
  }

  private void campaign(Duration reminder, String... addresses) {
    store.campaigns.insert(Campaign.builder().tenantId(TENANT).campaignId("camp").distributionId("dist").surveyId("survey")
        .channel(Channel.EMAIL).subject("Votre avis").language("fr").reminderAfter(reminder).createTime(clock.instant())
        .build());
    var invitations = new ArrayList<Invitation>();
    for (int i = 0; i < addresses.length; i++) {
      invitations.add(Invitation.builder().tenantId(TENANT).invitationId("inv-" + i).campaignId("camp")
          .distributionId("dist").surveyId("survey").customerId("c-" + i).channel(Channel.EMAIL)
          .address(addresses[i]).token("token-" + i).nextSendAt(clock.instant()).createTime(clock.instant()).build());
    }
    store.insertAll(invitations);
  }

  private Invitation invitation(int i) {
    return store.find(TENANT, "inv-" + i).orElseThrow();
  }

  @Test
  void aSendInterruptedAfterItsClaimIsMarkedUncertainAndNeverSentAgain() {
    campaign(null, "a@example.test");
    // a dispatcher claimed it, then the process died before recording the outcome
    assertThat(store.claim(TENANT, "inv-0", MessageKind.INVITATION, clock.instant(), clock.instant())).isTrue();

    dispatcher.runOnce();
    assertThat(invitation(0).status()).as("within the lease: still being sent").isEqualTo(InvitationStatus.SENDING);

    clock.advance(LEASE.plusSeconds(1));
    dispatcher.runOnce();
    clock.advance(Duration.ofDays(1));
    dispatcher.runOnce();

    assertThat(email.sent).isEmpty();
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.UNCERTAIN);
    assertThat(invitation(0).attempts()).extracting(SendAttempt::outcome).containsExactly("interrupted");
    assertThat(invitation(0).nextSendAt()).isNull();
  }

  @Test
  void aClaimedMessageIsNotTakenByASecondDispatcher() {
    campaign(null, "a@example.test");
    Instant due = invitation(0).nextSendAt();
    assertThat(store.claim(TENANT, "inv-0", MessageKind.INVITATION, due, clock.instant())).isTrue();
    assertThat(store.claim(TENANT, "inv-0", MessageKind.INVITATION, due, clock.instant())).isFalse();
  }

  @Test
  void aRefusalThatTookNothingIsRetriedWithBackoffAndOtherFailuresAreNot() {
    campaign(null, "retry@example.test", "fail@example.test");
    email.results.add(ProviderResult.retry("421 try later"));
    email.results.add(ProviderResult.failed("timeout after DATA"));

    dispatcher.runOnce();
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.QUEUED);
    assertThat(invitation(0).nextSendAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(invitation(1).status()).isEqualTo(InvitationStatus.FAILED);

    dispatcher.runOnce();
    assertThat(email.sent).as("not before the backoff").hasSize(2);
    clock.advance(Duration.ofMinutes(1));
    dispatcher.runOnce();

    assertThat(email.sent).extracting(EmailSender.EmailMessage::to)
        .containsExactly("retry@example.test", "fail@example.test", "retry@example.test");
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.DELIVERED);
    assertThat(invitation(0).attempts()).extracting(SendAttempt::outcome).containsExactly("retry", "accepted");
    assertThat(invitation(1).lastError()).isEqualTo("timeout after DATA");
  }

  @Test
  void retriesStopAfterTheLastAttempt() {
    campaign(null, "down@example.test");
    for (int i = 0; i < 5; i++) {
      email.results.add(ProviderResult.retry("connection refused"));
    }
    for (int i = 0; i < 5; i++) {
      dispatcher.runOnce();
      clock.advance(Duration.ofHours(1));
    }
    assertThat(email.sent).hasSize(3);
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.FAILED);
  }

  @Test
  void theReminderGoesAfterItsDelayToNonRespondentsOnly() {
    campaign(Duration.ofDays(3), "answers@example.test", "silent@example.test");
    dispatcher.runOnce();
    assertThat(invitation(1).reminderStatus()).isEqualTo(ReminderStatus.SCHEDULED);
    assertThat(invitation(1).reminderAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
    store.markResponded(TENANT, "inv-0", "resp-1", clock.instant());

    clock.advance(Duration.ofDays(3).minusMinutes(1));
    dispatcher.runOnce();
    assertThat(email.sent).hasSize(2);
    clock.advance(Duration.ofMinutes(1));
    dispatcher.runOnce();
    dispatcher.runOnce();

    assertThat(email.sent).extracting(EmailSender.EmailMessage::to)
        .containsExactly("answers@example.test", "silent@example.test", "silent@example.test");
    assertThat(email.sent.get(2).subject()).isEqualTo("Rappel : Votre avis");
    assertThat(invitation(1).reminderStatus()).isEqualTo(ReminderStatus.SENT);
    assertThat(invitation(0).reminderStatus()).isEqualTo(ReminderStatus.SKIPPED);
  }

  @Test
  void anOptOutStopsAQueuedRetryAndTheReminder() {
    campaign(Duration.ofDays(1), "retry@example.test", "reminded@example.test");
    email.results.add(ProviderResult.retry("451 greylisted"));
    dispatcher.runOnce();
    store.add(TENANT, List.of("email:retry@example.test", "customer:c-1"), "opt-out", clock.instant());

    clock.advance(Duration.ofDays(2));
    dispatcher.runOnce();

    assertThat(email.sent).hasSize(2);
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.SUPPRESSED);
    assertThat(invitation(1).reminderStatus()).isEqualTo(ReminderStatus.SKIPPED);
  }

  @Test
  void theTenantBudgetHoldsTheRestForTheNextWindow() {
    campaign(null, "1@example.test", "2@example.test", "3@example.test");
    budget.set(2);
    dispatcher.runOnce();
    assertThat(email.sent).hasSize(2);
    budget.set(10);
    dispatcher.runOnce();
    assertThat(email.sent).hasSize(3);
  }

  @Test
  void aBounceIsRecordedAndCancelsTheReminder() {
    campaign(Duration.ofDays(1), "nobody@example.test");
    email.results.add(ProviderResult.bounced("550 5.1.1 no such user"));
    dispatcher.runOnce();
    assertThat(invitation(0).status()).isEqualTo(InvitationStatus.BOUNCED);
    assertThat(invitation(0).reminderStatus()).isEqualTo(ReminderStatus.NONE);
    assertThat(invitation(0).lastError()).contains("550");

    var stats = InvitationStats.of(store.allOfCampaign(TENANT, "camp"));
    assertThat(stats.sent()).isEqualTo(1);
    assertThat(stats.delivered()).isZero();
    assertThat(stats.bounced()).isEqualTo(1);
    assertThat(stats.responseRate()).isZero();
  }
}
