package io.cxhub.survey.response;

/** Whether an outbox subscriber has handled a response yet. */
public enum OutboxState {
  /** Accepted here, not yet handled by the subscriber. */
  PENDING,
  /** The subscriber handled it; it will not be handed over again. */
  DELIVERED,
  /** Set aside after repeated failures, with the reason; never handed over again. */
  FAILED
}
