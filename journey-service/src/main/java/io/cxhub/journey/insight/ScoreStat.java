package io.cxhub.journey.insight;

/**
 * One indicator at one place of the journey over a period: the pooled answers, the
 * estimate, and the change versus the previous period (null when either period has no
 * answer).
 */
public record ScoreStat(ScoreKind kind, Tally tally, Estimate estimate, Estimate previous, Difference change) {

  static ScoreStat of(ScoreKind kind, Tally current, Tally before) {
    if (current == null) {
      return null;
    }
    var estimate = Stats.headline(kind, current);
    if (before == null || before.n() == 0 || !before.sameScale(current)) {
      return new ScoreStat(kind, current, estimate, null, null);
    }
    var previous = Stats.headline(kind, before);
    return new ScoreStat(kind, current, estimate, previous, Stats.difference(estimate, previous));
  }
}
