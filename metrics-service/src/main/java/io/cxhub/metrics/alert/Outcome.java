package io.cxhub.metrics.alert;

/** What one evaluation of a rule found (see the contract's MetricAlertOutcome). */
public enum Outcome {
  /** The condition does not hold; an open episode whose alert was delivered ends. */
  NOT_BREACHED,
  /** Too few answers to conclude; the episode state is left as it was. */
  INSUFFICIENT_SAMPLE,
  /** This evaluation delivered an alert. */
  FIRED,
  /** The condition holds and this episode's alert was delivered before. */
  ALREADY_FIRED,
  /** An alert is due but could not be delivered; a later evaluation sends it. */
  NOTIFICATION_PENDING,
  /** The rule could not be evaluated. */
  FAILED,
  /** The rule is disabled and was not evaluated. */
  DISABLED
}
