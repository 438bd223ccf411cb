package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import io.cxhub.survey.webhook.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the persistent send queue of invitations and reminders.
 *
 * <p><b>At most once.</b> A message is claimed before it is sent (one write that clears its
 * due time and sets {@code sendingSince}), and the outcome is recorded after (one write that
 * clears {@code sendingSince}). A stop between the two leaves the claim behind: once the
 * lease is over the message is marked UNCERTAIN (a reminder FAILED) and never sent again.
 * A survey invitation received twice annoys a customer and skews the response rate, while
 * one lost in a crash is rare and visible (UNCERTAIN) in the report; the webhooks make the
 * opposite choice because receivers dedupe by delivery id and an e-mail reader cannot.
 * Retries follow only answers that say the provider did not take the message (no
 * connection, a transient SMTP refusal, HTTP 429 or 503).
 *
 * <p>Before every send the suppression list is checked (an opt-out stops everything,
 * retries and reminders included), and the tenant's send budget is taken
 * ({@link SendThrottle}): what is over budget waits for the next window. One daemon thread
 * does everything, so ticks never overlap; a stop lets the send in flight finish.
 */
public final class InvitationDispatcher implements Worker {

  private static final Logger log = LoggerFactory.getLogger(InvitationDispatcher.class);

  /**
   * @param pollInterval time between two looks at the queue
   * @param batchSize messages per tenant per look
   * @param lease how long a claim may last before the send counts as interrupted; longer
   *     than one provider call
   */
  public record Settings(Duration pollInterval, int batchSize, Duration lease) {}

  private final Campaigns campaigns;
  private final Invitations invitations;
  private final Suppressions suppressions;
  private final EmailSender email;
  private final SmsSender sms;
  private final SendThrottle throttle;
  private final InvitationLinks links;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final Settings settings;
  private final PeriodicWorker worker;

  public InvitationDispatcher(
      Campaigns campaigns,
      Invitations invitations,
      Suppressions suppressions,
      EmailSender email,
      SmsSender sms,
      SendThrottle throttle,
      InvitationLinks links,
      RetrySchedule schedule,
      Clock clock,
      Settings settings) {
    this.campaigns = campaigns;
    this.invitations = invitations;
    this.suppressions = suppressions;
    this.email = email;
    this.sms = sms;
    this.throttle = throttle;
    this.links = links;
    this.schedule = schedule;
    this.clock = clock;
    this.settings = settings;
    this.worker = new PeriodicWorker("invitation-dispatcher", settings.pollInterval(), this::tick);
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
    if (worker.isRunning()) {
      runOnce();
    }
  }

  /** Sends what is due now; returns the number of messages handed to a provider. */
  public int runOnce() {
    int sent = 0;
    for (String tenant : campaigns.tenants()) {
      sent += runOnce(tenant);
    }
    return sent;
  }

  private int runOnce(String tenant) {
    Instant now = clock.instant();
    for (Invitation stale : invitations.findInterrupted(tenant, now.minus(settings.lease()))) {
      interrupted(stale, now);
    }
    int sent = 0;
    Map<String, Optional<Campaign>> campaignCache = new HashMap<>();
    List<Invitation> due = invitations.findDue(tenant, now, settings.batchSize());
    for (Invitation invitation : due) {
      if (worker.isStopping()) {
        break;
      }
      if (!throttle.tryAcquire(tenant)) {
        log.debug("invitation send budget used up tenant={}", tenant);
        break;
      }
      Instant claimedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      MessageKind kind = invitation.nextKind();
      if (!invitations.claim(tenant, invitation.invitationId(), kind, invitation.nextSendAt(), claimedAt)) {
        continue;
      }
      var campaign = campaignCache.computeIfAbsent(invitation.campaignId(), id -> campaigns.find(tenant, id));
      if (send(invitation, kind, campaign, claimedAt)) {
        sent++;
      }
    }
    return sent;
  }

  /** Sends one claimed message and records the outcome; true if a provider was called. */
  private boolean send(Invitation invitation, MessageKind kind, Optional<Campaign> campaign, Instant claimedAt) {
    String tenant = invitation.tenantId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (campaign.isEmpty()) {
      record(invitation, claimedAt, finalFailure(kind, now, "failed", "campaign not found"));
      return false;
    }
    if (!suppressions.suppressedAmong(tenant, SuppressionKeys.of(invitation)).isEmpty()) {
      var attempt = new SendAttempt(now, kind, "suppressed", "opted out");
      record(invitation, claimedAt, kind == MessageKind.INVITATION
          ? new Invitations.SendOutcome(attempt, InvitationStatus.SUPPRESSED, null, null, null, true, null, null, null)
          : new Invitations.SendOutcome(attempt, null, ReminderStatus.SKIPPED, null, null, true, null, null, null));
      log.info("invitation suppressed tenant={} invitation={} message={}", tenant, invitation.invitationId(), kind.wireName());
      return false;
    }
    if (kind == MessageKind.REMINDER && invitation.respondedAt() != null) {
      record(invitation, claimedAt, new Invitations.SendOutcome(new SendAttempt(now, kind, "skipped", "answered"),
          null, ReminderStatus.SKIPPED, null, null, true, null, null, null));
      return false;
    }
    var texts = InvitationTexts.compose(campaign.get(), invitation, kind,
        links.survey(invitation.token()), links.optOut(invitation.token()));
    ProviderResult result;
    try {
      result = invitation.channel() == Channel.SMS
          ? sms.send(invitation.address(), texts.text(), invitation.invitationId())
          : email.send(new EmailSender.EmailMessage(invitation.address(), texts.subject(), texts.text(), texts.html(),
              links.optOut(invitation.token()), invitation.invitationId()));
    } catch (RuntimeException e) {
      // a sender bug: whether the message left is unknown, so it is not sent again
      result = ProviderResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Instant done = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    record(invitation, claimedAt, outcome(invitation, kind, campaign.get(), result, done));
    log.info("invitation message sent tenant={} campaign={} invitation={} message={} channel={} outcome={}",
        tenant, invitation.campaignId(), invitation.invitationId(), kind.wireName(), invitation.channel(),
        result.outcome());
    return true;
  }

  private Invitations.SendOutcome outcome(
      Invitation invitation, MessageKind kind, Campaign campaign, ProviderResult result, Instant now) {
    String word = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
    var attempt = new SendAttempt(now, kind, word, result.error());
    String error = result.error().isEmpty() ? null : result.error();
    switch (result.outcome()) {
      case ACCEPTED -> {
        if (kind == MessageKind.REMINDER) {
          return new Invitations.SendOutcome(attempt, null, ReminderStatus.SENT, null, null, true, null, null, null);
        }
        var reminder = campaign.reminder();
        if (reminder.isPresent()) {
          Instant at = now.plus(reminder.get());
          return new Invitations.SendOutcome(attempt, InvitationStatus.DELIVERED, ReminderStatus.SCHEDULED,
              at, MessageKind.REMINDER, false, now, at, null);
        }
        return new Invitations.SendOutcome(attempt, InvitationStatus.DELIVERED, null, null, null, true, now, null, null);
      }
      case RETRY -> {
        Duration wait = schedule.waitAfter(invitation.attemptsOf(kind) + 1);
        if (wait == null) {
          return finalFailure(kind, now, "failed", result.error() + " (retries exhausted)");
        }
        return new Invitations.SendOutcome(attempt,
            kind == MessageKind.INVITATION ? InvitationStatus.QUEUED : null, null,
            now.plus(wait), kind, false, null, null, error);
      }
      case BOUNCED -> {
        return kind == MessageKind.INVITATION
            ? new Invitations.SendOutcome(attempt, InvitationStatus.BOUNCED, null, null, null, true, now, null, error)
            : new Invitations.SendOutcome(attempt, null, ReminderStatus.FAILED, null, null, true, null, null, error);
      }
      default -> {
        return finalFailure(kind, now, word, result.error());
      }
    }
  }

  private static Invitations.SendOutcome finalFailure(MessageKind kind, Instant now, String outcome, String error) {
    var attempt = new SendAttempt(now, kind, outcome, error);
    return kind == MessageKind.INVITATION
        ? new Invitations.SendOutcome(attempt, InvitationStatus.FAILED, null, null, null, true, null, null, error)
        : new Invitations.SendOutcome(attempt, null, ReminderStatus.FAILED, null, null, true, null, null, error);
  }

  /** A claim found after its lease: the send was cut short; it may have left, so it is never repeated. */
  private void interrupted(Invitation invitation, Instant now) {
    MessageKind kind = invitation.nextKind();
    String error = "interrupted: the service stopped during the send; not sent again";
    var attempt = new SendAttempt(now.truncatedTo(ChronoUnit.MILLIS), kind, "interrupted", error);
    var outcome = kind == MessageKind.INVITATION
        ? new Invitations.SendOutcome(attempt, InvitationStatus.UNCERTAIN, null, null, null, true,
            invitation.sendingSince(), null, error)
        : new Invitations.SendOutcome(attempt, null, ReminderStatus.FAILED, null, null, true, null, null, error);
    if (invitations.recordSend(invitation.tenantId(), invitation.invitationId(), invitation.sendingSince(), outcome)) {
      log.warn("invitation send interrupted tenant={} invitation={} message={}: marked, not resent",
          invitation.tenantId(), invitation.invitationId(), kind.wireName());
    }
  }

  private void record(Invitation invitation, Instant claimedAt, Invitations.SendOutcome outcome) {
    if (!invitations.recordSend(invitation.tenantId(), invitation.invitationId(), claimedAt, outcome)) {
      log.warn("invitation claim lost before its outcome was recorded tenant={} invitation={}",
          invitation.tenantId(), invitation.invitationId());
    }
  }
}
