package io.cxhub.survey.alert;

/** The polarity of a free-text answer, as metrics-service's text analytics reads it. */
public enum CommentSentiment {
  NEGATIVE,
  NEUTRAL,
  POSITIVE,
  /** Clearly positive and clearly negative parts ("good product but late"). */
  MIXED
}
