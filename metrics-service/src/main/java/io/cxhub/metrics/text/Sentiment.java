package io.cxhub.metrics.text;

/** Polarity of a text or of a theme mention. */
public enum Sentiment {
  NEGATIVE,
  NEUTRAL,
  POSITIVE,
  /** Clearly positive and clearly negative parts in the same text ("good product but late"). */
  MIXED
}
