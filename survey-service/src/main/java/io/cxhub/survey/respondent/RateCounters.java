package io.cxhub.survey.respondent;

import java.time.Instant;

/** Port to counters shared by every survey-service instance (so limits hold across replicas). */
public interface RateCounters {

  /**
   * Adds one to the counter {@code key} and returns the new count; a new counter starts at
   * 1. The counter may be forgotten after {@code forgetAfter}.
   */
  long increment(String key, Instant forgetAfter);
}
