package io.cxhub.survey.invitation;

/** Where an invitation's first message stands. */
public enum InvitationStatus {
  /** Waiting in the send queue (first attempt or a retry). */
  QUEUED,
  /** Claimed by a dispatcher: the send is under way (or was interrupted). */
  SENDING,
  /** Accepted by the provider. */
  DELIVERED,
  /** Refused for this recipient, or reported bounced later. */
  BOUNCED,
  /** Given up after a permanent provider error or exhausted retries. */
  FAILED,
  /** Never sent: the address or customer opted out. */
  SUPPRESSED,
  /** The send was interrupted by a stop; never sent again (at most once). */
  UNCERTAIN;

  /** Handed to the provider, whatever came of it. */
  public boolean wasSent() {
    return this == DELIVERED || this == BOUNCED || this == UNCERTAIN;
  }
}
