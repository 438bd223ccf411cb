package io.cxhub.metrics.ingest;

/**
 * The question kinds whose answers carry a score that metrics-service counts: the scored
 * subset of the contract's {@code cx.survey.v1.QuestionKind}. Stored by {@link #name()},
 * the names the feed carried as strings before it carried the enum.
 */
public enum AnswerKind {
  NPS,
  CSAT,
  CES,
  RATING
}
