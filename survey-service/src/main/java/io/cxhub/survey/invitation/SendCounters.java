package io.cxhub.survey.invitation;

import java.time.Instant;

/** Port to the per-tenant send counters shared by every survey-service instance (the send throttle). */
public interface SendCounters {

  /**
   * Adds one to the counter {@code key} and returns the new count; a new counter starts at
   * 1. The counter may be forgotten after {@code forgetAfter}.
   */
  long increment(String key, Instant forgetAfter);
}
