package io.cxhub.metrics.score;

/** What scores can be grouped by. */
public enum Dimension {
  PERIOD,
  CHANNEL,
  SURVEY,
  QUESTION,
  STAGE,
  TOUCHPOINT,
  SEGMENT,
  PERSONA,
  /** The respondent's value tier (RFM) when they answered. */
  VALUE_TIER
}
