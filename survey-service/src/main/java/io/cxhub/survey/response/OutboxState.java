package io.cxhub.survey.response;

/** Whether metrics-service has acknowledged a response yet. */
public enum OutboxState {
  /** Accepted here, not yet acknowledged by metrics-service. */
  PENDING,
  /** metrics-service acknowledged it; it will not be sent again. */
  DELIVERED
}
