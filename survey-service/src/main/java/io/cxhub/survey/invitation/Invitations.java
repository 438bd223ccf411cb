package io.cxhub.survey.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The invitations and their persistent send queue: each invitation's document holds the
 * state of its messages, so the queue survives restarts. Every change is one conditional
 * update of one document.
 */
public interface Invitations {

  void insertAll(List<Invitation> invitations);

  Optional<Invitation> find(String tenantId, String invitationId);

  /** The invitation holding the public {@code token}, whatever its tenant. */
  Optional<Invitation> findByToken(String token);

  /** A campaign's invitations in id order, strictly after {@code afterId} when given. */
  List<Invitation> listByCampaign(String tenantId, String campaignId, String afterId, int limit);

  /** Every invitation of a campaign, without attempts (for reports). */
  List<Invitation> allOfCampaign(String tenantId, String campaignId);

  /** Every invitation of a survey, without attempts (for reports). */
  List<Invitation> allOfSurvey(String tenantId, String surveyId);

  /** Invitations with a message due at {@code now}, earliest first. */
  List<Invitation> findDue(String tenantId, Instant now, int limit);

  /**
   * Takes a due message for one send: clears its due time and sets {@code sendingSince},
   * only if it is still due at {@code due} for {@code kind} (and, for a reminder, the
   * recipient has not answered). This write happens before the send: whoever loses the
   * race, or finds the message later, does not send it.
   *
   * @return false if another dispatcher took it or it changed meanwhile
   */
  boolean claim(String tenantId, String invitationId, MessageKind kind, Instant due, Instant now);

  /**
   * Records how a claimed send ended, in one write that also clears {@code sendingSince}:
   * the attempt and the new states, times and error (only the non-null parts of
   * {@code outcome} are written).
   *
   * @return false if the claim was no longer held (another instance judged it interrupted)
   */
  boolean recordSend(String tenantId, String invitationId, Instant claimedAt, SendOutcome outcome);

  /** Invitations whose send was claimed before {@code before} and never recorded. */
  List<Invitation> findInterrupted(String tenantId, Instant before);

  /** Sets the first open time; later opens change nothing. */
  void markOpened(String tenantId, String invitationId, Instant at);

  /**
   * Records the response collected through the invitation (the first one only) and cancels
   * a reminder that is still scheduled.
   */
  void markResponded(String tenantId, String invitationId, String responseId, Instant at);

  /** Marks a bounce reported after delivery, and cancels a scheduled reminder. */
  Optional<Invitation> markBounced(String tenantId, String invitationId, String reason, Instant at);

  /**
   * What a send changed; null parts are left as they are.
   *
   * @param clearNextSend true to leave nothing queued ({@code nextSendAt} removed)
   */
  record SendOutcome(
      SendAttempt attempt,
      InvitationStatus status,
      ReminderStatus reminderStatus,
      Instant nextSendAt,
      MessageKind nextKind,
      boolean clearNextSend,
      Instant sentAt,
      Instant reminderAt,
      String lastError) {}
}
