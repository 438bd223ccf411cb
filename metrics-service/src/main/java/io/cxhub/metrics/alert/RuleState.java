package io.cxhub.metrics.alert;

import java.time.Instant;

/**
 * Where a rule stands, stored on the rule and written by every evaluation.
 *
 * @param lastEvaluatedAt null before the first evaluation
 * @param nextEvaluationAt when the periodic evaluator takes the rule next
 * @param lastOutcome null before the first evaluation
 * @param lastObservation the figures of the last evaluation; null when it computed none
 * @param lastError why the last evaluation failed or its alert is pending; null otherwise
 * @param latestEpisode the latest breach episode; null when the rule never fired
 * @param episodes how many episodes the rule has opened (the next one gets this + 1)
 */
public record RuleState(
    Instant lastEvaluatedAt, Instant nextEvaluationAt, Outcome lastOutcome, Observation lastObservation,
    String lastError, Episode latestEpisode, long episodes) {

  /** A new rule: due at once. */
  static RuleState initial(Instant now) {
    return new RuleState(null, now, null, null, null, null, 0);
  }

  RuleState withEpisode(Episode episode, long episodeCount) {
    return new RuleState(lastEvaluatedAt, nextEvaluationAt, lastOutcome, lastObservation, lastError, episode,
        episodeCount);
  }

  RuleState dueAt(Instant at) {
    return new RuleState(lastEvaluatedAt, at, lastOutcome, lastObservation, lastError, latestEpisode, episodes);
  }
}
