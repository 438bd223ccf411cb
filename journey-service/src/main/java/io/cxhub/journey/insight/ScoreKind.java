package io.cxhub.journey.insight;

/** The survey indicators read per stage and touchpoint. */
public enum ScoreKind {
  NPS,
  CSAT,
  CES
}
