package io.cxhub.survey.invitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Campaigns, invitations and the suppression list in memory, with the Mongo adapters' conditions. */
final class InMemoryInvitations implements Invitations, Suppressions {

  /** The campaigns, in memory. */
  final InMemoryCampaigns campaigns = new InMemoryCampaigns();

  private final Map<String, Invitation> byId = new LinkedHashMap<>();
  private final Set<String> suppressed = ConcurrentHashMap.newKeySet();

  private static String key(String tenantId, String id) {
    return tenantId + ":" + id;
  }

  // --- suppressions

  @Override
  public void add(String tenantId, java.util.Collection<String> keys, String reason, Instant at) {
    keys.forEach(k -> suppressed.add(key(tenantId, k)));
  }

  @Override
  public Set<String> suppressedAmong(String tenantId, java.util.Collection<String> keys) {
    return Set.copyOf(keys.stream().filter(k -> suppressed.contains(key(tenantId, k))).toList());
  }

  // --- invitations

  @Override
  public synchronized void insertAll(List<Invitation> invitations) {
    invitations.forEach(i -> byId.put(key(i.tenantId(), i.invitationId()), i));
  }

  @Override
  public synchronized Optional<Invitation> find(String tenantId, String invitationId) {
    return Optional.ofNullable(byId.get(key(tenantId, invitationId)));
  }

  @Override
  public synchronized Optional<Invitation> findByToken(String token) {
    return byId.values().stream().filter(i -> i.token().equals(token)).findFirst();
  }

  @Override
  public synchronized List<Invitation> listByCampaign(String tenantId, String campaignId, String afterId, int limit) {
    return byId.values().stream()
        .filter(i -> i.tenantId().equals(tenantId) && i.campaignId().equals(campaignId))
        .filter(i -> afterId == null || i.invitationId().compareTo(afterId) > 0)
        .sorted(Comparator.comparing(Invitation::invitationId)).limit(limit).toList();
  }

  @Override
  public synchronized List<Invitation> allOfCampaign(String tenantId, String campaignId) {
    return listByCampaign(tenantId, campaignId, null, Integer.MAX_VALUE);
  }

  @Override
  public synchronized List<Invitation> allOfSurvey(String tenantId, String surveyId) {
    return byId.values().stream().filter(i -> i.tenantId().equals(tenantId) && i.surveyId().equals(surveyId)).toList();
  }

  @Override
  public synchronized List<Invitation> findDue(String tenantId, Instant now, int limit) {
    return byId.values().stream()
        .filter(i -> i.tenantId().equals(tenantId) && i.nextSendAt() != null && !i.nextSendAt().isAfter(now))
        .sorted(Comparator.comparing(Invitation::nextSendAt)).limit(limit).toList();
  }

  @Override
  public synchronized boolean claim(String tenantId, String invitationId, MessageKind kind, Instant due, Instant now) {
    var i = byId.get(key(tenantId, invitationId));
    if (i == null || !due.equals(i.nextSendAt()) || i.nextKind() != kind
        || (kind == MessageKind.REMINDER && i.respondedAt() != null)) {
      return false;
    }
    var b = i.toBuilder().nextSendAt(null).sendingSince(now);
    if (kind == MessageKind.INVITATION) {
      b.status(InvitationStatus.SENDING);
    }
    byId.put(key(tenantId, invitationId), b.build());
    return true;
  }

  @Override
  public synchronized boolean recordSend(String tenantId, String invitationId, Instant claimedAt, SendOutcome o) {
    var i = byId.get(key(tenantId, invitationId));
    if (i == null || !claimedAt.equals(i.sendingSince())) {
      return false;
    }
    var attempts = new ArrayList<>(i.attempts());
    attempts.add(o.attempt());
    var b = i.toBuilder().attempts(attempts).sendingSince(null);
    if (o.status() != null) {
      b.status(o.status());
    }
    if (o.reminderStatus() != null) {
      b.reminderStatus(o.reminderStatus());
    }
    if (o.clearNextSend()) {
      b.nextSendAt(null);
    } else if (o.nextSendAt() != null) {
      b.nextSendAt(o.nextSendAt()).nextKind(o.nextKind());
    }
    if (o.sentAt() != null) {
      b.sentAt(o.sentAt());
    }
    if (o.reminderAt() != null) {
      b.reminderAt(o.reminderAt());
    }
    if (o.lastError() != null) {
      b.lastError(o.lastError());
    }
    byId.put(key(tenantId, invitationId), b.build());
    return true;
  }

  @Override
  public synchronized List<Invitation> findInterrupted(String tenantId, Instant before) {
    return byId.values().stream()
        .filter(i -> i.tenantId().equals(tenantId) && i.sendingSince() != null && i.sendingSince().isBefore(before))
        .toList();
  }

  @Override
  public synchronized void markOpened(String tenantId, String invitationId, Instant at) {
    update(tenantId, invitationId, i -> i.openedAt() == null ? i.toBuilder().openedAt(at).build() : i);
  }

  @Override
  public synchronized void markResponded(String tenantId, String invitationId, String responseId, Instant at) {
    update(tenantId, invitationId, i -> i.respondedAt() == null
        ? i.toBuilder().respondedAt(at).responseId(responseId).build() : i);
    cancelReminder(tenantId, invitationId);
  }

  @Override
  public synchronized Optional<Invitation> markBounced(String tenantId, String invitationId, String reason, Instant at) {
    if (!byId.containsKey(key(tenantId, invitationId))) {
      return Optional.empty();
    }
    update(tenantId, invitationId, i -> i.toBuilder().status(InvitationStatus.BOUNCED).lastError(reason).build());
    cancelReminder(tenantId, invitationId);
    return find(tenantId, invitationId);
  }

  private void cancelReminder(String tenantId, String invitationId) {
    update(tenantId, invitationId, i -> i.nextKind() == MessageKind.REMINDER
        && i.reminderStatus() == ReminderStatus.SCHEDULED && i.sendingSince() == null
        ? i.toBuilder().nextSendAt(null).reminderStatus(ReminderStatus.SKIPPED).build() : i);
  }

  private void update(String tenantId, String invitationId, java.util.function.UnaryOperator<Invitation> change) {
    byId.computeIfPresent(key(tenantId, invitationId), (k, i) -> change.apply(i));
  }

  synchronized Invitation only() {
    return byId.values().iterator().next();
  }

  /** Campaigns in memory. */
  static final class InMemoryCampaigns implements Campaigns {

    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();


    @Override
    public synchronized void insert(Campaign campaign) {
      campaigns.put(key(campaign.tenantId(), campaign.campaignId()), campaign);
    }

    @Override
    public synchronized Optional<Campaign> find(String tenantId, String campaignId) {
      return Optional.ofNullable(campaigns.get(key(tenantId, campaignId)));
    }

    @Override
    public synchronized List<Campaign> listByDistribution(String tenantId, String distributionId, int limit) {
      return campaigns.values().stream()
          .filter(c -> c.tenantId().equals(tenantId) && c.distributionId().equals(distributionId)).limit(limit).toList();
    }

    @Override
    public synchronized List<Campaign> listBySurvey(String tenantId, String surveyId) {
      return campaigns.values().stream().filter(c -> c.tenantId().equals(tenantId) && c.surveyId().equals(surveyId)).toList();
    }

    @Override
    public synchronized Set<String> tenants() {
      return Set.copyOf(campaigns.values().stream().map(Campaign::tenantId).toList());
    }

  }
}
