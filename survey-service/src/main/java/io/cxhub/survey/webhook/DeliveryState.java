package io.cxhub.survey.webhook;

/** Where a delivery stands. */
public enum DeliveryState {
  /** Waiting for its next attempt. */
  PENDING,
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Given up (non-retryable answer, or the retry schedule is exhausted). */
  FAILED
}
