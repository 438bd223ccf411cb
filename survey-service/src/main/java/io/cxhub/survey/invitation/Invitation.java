package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One recipient's invitation: its own public token, the state of its messages in the send
 * queue, and what the recipient did with it.
 *
 * @param address the e-mail address or phone number (personal data: never logged)
 * @param token the public token of the recipient's survey link and opt-out link
 * @param nextSendAt when the queue sends {@code nextKind} next; null when nothing is queued
 * @param sendingSince set while a dispatcher sends (claimed before, cleared after the send):
 *     found set after the lease, the send was interrupted and is never repeated
 * @param sentAt when the provider accepted the invitation
 * @param reminderAt when the reminder is (or was) due; null without a reminder
 */
public record Invitation(
    String tenantId,
    String invitationId,
    String campaignId,
    String distributionId,
    String surveyId,
    String customerId,
    String name,
    Channel channel,
    String address,
    String token,
    InvitationStatus status,
    ReminderStatus reminderStatus,
    Instant nextSendAt,
    MessageKind nextKind,
    Instant sendingSince,
    Instant sentAt,
    Instant openedAt,
    Instant respondedAt,
    String responseId,
    Instant reminderAt,
    String lastError,
    List<SendAttempt> attempts,
    Instant createTime) {

  public Invitation {
    customerId = customerId == null ? "" : customerId;
    name = name == null ? "" : name;
    responseId = responseId == null ? "" : responseId;
    lastError = lastError == null ? "" : lastError;
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** Attempts made so far for one kind of message. */
  public int attemptsOf(MessageKind kind) {
    return (int) attempts.stream().filter(a -> a.kind() == kind).count();
  }

  /** The address partly hidden, for lists shown to analysts. */
  public String maskedAddress() {
    return mask(address);
  }

  static String mask(String address) {
    int at = address.indexOf('@');
    if (at > 0) {
      return address.charAt(0) + "***" + address.substring(at);
    }
    if (address.length() <= 4) {
      return "****";
    }
    return address.substring(0, 3) + "*".repeat(address.length() - 5) + address.substring(address.length() - 2);
  }

  public Builder toBuilder() {
    return new Builder()
        .tenantId(tenantId).invitationId(invitationId).campaignId(campaignId).distributionId(distributionId)
        .surveyId(surveyId).customerId(customerId).name(name).channel(channel).address(address).token(token)
        .status(status).reminderStatus(reminderStatus).nextSendAt(nextSendAt).nextKind(nextKind)
        .sendingSince(sendingSince).sentAt(sentAt).openedAt(openedAt).respondedAt(respondedAt)
        .responseId(responseId).reminderAt(reminderAt).lastError(lastError).attempts(attempts)
        .createTime(createTime);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an invitation; a new one is QUEUED with no reminder. */
  public static final class Builder {
    private String tenantId;
    private String invitationId;
    private String campaignId;
    private String distributionId;
    private String surveyId;
    private String customerId;
    private String name;
    private Channel channel;
    private String address;
    private String token;
    private InvitationStatus status = InvitationStatus.QUEUED;
    private ReminderStatus reminderStatus = ReminderStatus.NONE;
    private Instant nextSendAt;
    private MessageKind nextKind = MessageKind.INVITATION;
    private Instant sendingSince;
    private Instant sentAt;
    private Instant openedAt;
    private Instant respondedAt;
    private String responseId;
    private Instant reminderAt;
    private String lastError;
    private List<SendAttempt> attempts = List.of();
    private Instant createTime;

    public Builder tenantId(String v) {
      tenantId = v;
      return this;
    }

    public Builder invitationId(String v) {
      invitationId = v;
      return this;
    }

    public Builder campaignId(String v) {
      campaignId = v;
      return this;
    }

    public Builder distributionId(String v) {
      distributionId = v;
      return this;
    }

    public Builder surveyId(String v) {
      surveyId = v;
      return this;
    }

    public Builder customerId(String v) {
      customerId = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder channel(Channel v) {
      channel = v;
      return this;
    }

    public Builder address(String v) {
      address = v;
      return this;
    }

    public Builder token(String v) {
      token = v;
      return this;
    }

    public Builder status(InvitationStatus v) {
      status = v;
      return this;
    }

    public Builder reminderStatus(ReminderStatus v) {
      reminderStatus = v;
      return this;
    }

    public Builder nextSendAt(Instant v) {
      nextSendAt = v;
      return this;
    }

    public Builder nextKind(MessageKind v) {
      nextKind = v;
      return this;
    }

    public Builder sendingSince(Instant v) {
      sendingSince = v;
      return this;
    }

    public Builder sentAt(Instant v) {
      sentAt = v;
      return this;
    }

    public Builder openedAt(Instant v) {
      openedAt = v;
      return this;
    }

    public Builder respondedAt(Instant v) {
      respondedAt = v;
      return this;
    }

    public Builder responseId(String v) {
      responseId = v;
      return this;
    }

    public Builder reminderAt(Instant v) {
      reminderAt = v;
      return this;
    }

    public Builder lastError(String v) {
      lastError = v;
      return this;
    }

    public Builder attempts(List<SendAttempt> v) {
      attempts = v;
      return this;
    }

    public Builder createTime(Instant v) {
      createTime = v;
      return this;
    }

    public Invitation build() {
      return new Invitation(tenantId, invitationId, campaignId, distributionId, surveyId, customerId, name, channel,
          address, token, status, reminderStatus, nextSendAt, nextKind, sendingSince, sentAt, openedAt, respondedAt,
          responseId, reminderAt, lastError, attempts, createTime);
    }
  }
}
