package io.cxhub.survey.invitation;

/** The messages an invitation may send: the invitation itself, then one reminder. */
public enum MessageKind {
  INVITATION,
  REMINDER;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
