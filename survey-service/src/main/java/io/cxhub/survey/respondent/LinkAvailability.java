package io.cxhub.survey.respondent;

/** Whether a survey link takes responses now, and if not, why (what a page tells the respondent). */
public enum LinkAvailability {
  OPEN,
  PAUSED,
  EXPIRED,
  /** The survey is closed or the distribution withdrawn, for good. */
  CLOSED,
  /** The survey is still a draft. */
  NOT_OPEN
}
