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
  PERSONA
}
