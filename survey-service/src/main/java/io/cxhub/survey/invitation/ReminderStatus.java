package io.cxhub.survey.invitation;

/** Where the one reminder of an invitation stands. */
public enum ReminderStatus {
  NONE,
  SCHEDULED,
  SENT,
  /** Not sent: the recipient answered or opted out, or the invitation bounced. */
  SKIPPED,
  /** A provider error, or an interrupted send (never repeated). */
  FAILED
}
