package io.cxhub.metrics.alert;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.metrics.score.Granularity;
import io.cxhub.metrics.score.Interval;
import io.cxhub.metrics.score.Score;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a rule's window through the score use cases (the same figures as
 * {@code /v1/scores:query} and {@code /v1/scores:compare}: value, n, intervals, p-values)
 * and says whether the condition holds. It computes no statistics of its own and keeps no
 * state.
 */
public final class RuleEvaluator {

  private final GetScores getScores;
  private final CompareScores compareScores;

  public RuleEvaluator(GetScores getScores, CompareScores compareScores) {
    this.getScores = getScores;
    this.compareScores = compareScores;
  }

  /** The rule's window is its {@code windowDays} local days ending on {@code today}, today included. */
  static DayRange window(MetricAlertRule rule, LocalDate today) {
    return new DayRange(today.minusDays(rule.windowDays() - 1L), today);
  }

  Verdict observe(String tenantId, MetricAlertRule rule, LocalDate today) {
    var filter = rule.filter().withPeriod(window(rule, today));
    try {
      if (rule.condition() instanceof AlertCondition.Threshold t) {
        return threshold(tenantId, rule, t, filter);
      }
      return drop(tenantId, rule, (AlertCondition.SignificantDrop) rule.condition(), filter);
    } catch (InvalidInputException e) {
      // a filter the score use cases refuse (answers on several scales): the rule is wrong, not the service
      return Verdict.failed(e.getMessage());
    }
  }

  private Verdict threshold(String tenantId, MetricAlertRule rule, AlertCondition.Threshold t,
      ScoreFilter filter) {
    var table = getScores.query(tenantId, new ScoreQuery(rule.kind(), filter, List.of(), Granularity.DAY, ""));
    if (table.totals().size() > 1) {
      return Verdict.failed("the filter holds answers on several scales ("
          + table.totals().stream().map(s -> s.distribution().scaleLabel()).collect(Collectors.joining(", "))
          + "); filter on one question");
    }
    Score score = table.totals().get(0);
    double value = value(score, rule.measure());
    Interval interval = interval(score, rule.measure());
    var observation = new Observation(filter.period(), score.n(), value, interval, score.lowSample(), null);
    if (score.n() < rule.minSample()) {
      return new Verdict(Verdict.Kind.INSUFFICIENT_SAMPLE, observation, null);
    }
    return new Verdict(t.breachedBy(value, interval) ? Verdict.Kind.BREACHED : Verdict.Kind.NOT_BREACHED,
        observation, null);
  }

  private Verdict drop(String tenantId, MetricAlertRule rule, AlertCondition.SignificantDrop d,
      ScoreFilter filter) {
    Comparison c = compareScores.compare(tenantId, rule.kind(), rule.measure(), filter, null);
    Score a = c.a();
    Score b = c.b();
    var previous = new Observation.Previous(c.bPeriod(), b.n(), value(b, rule.measure()), c.difference(),
        c.interval(), c.pValue(), c.test());
    var observation = new Observation(filter.period(), a.n(), value(a, rule.measure()), interval(a, rule.measure()),
        a.lowSample(), previous);
    if (a.n() < rule.minSample() || b.n() < rule.minSample()) {
      return new Verdict(Verdict.Kind.INSUFFICIENT_SAMPLE, observation, null);
    }
    boolean breached = c.pValue() < d.alpha() && c.difference() < 0 && -c.difference() >= d.minDrop();
    return new Verdict(breached ? Verdict.Kind.BREACHED : Verdict.Kind.NOT_BREACHED, observation, null);
  }

  private static double value(Score score, Comparison.Measure measure) {
    if (measure == Comparison.Measure.MEAN) {
      return score.n() == 0 ? 0 : score.mean();
    }
    return score.value();
  }

  private static Interval interval(Score score, Comparison.Measure measure) {
    return measure == Comparison.Measure.MEAN ? score.meanInterval() : score.interval();
  }
}
