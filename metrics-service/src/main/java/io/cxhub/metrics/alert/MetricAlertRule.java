package io.cxhub.metrics.alert;

import io.cxhub.kit.text.NameKey;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A rule on an indicator over a rolling window of the tenant's local days, with its evaluation state.
 *
 * <p>A draft (as a client sends it) may leave any field null or zero; the use case fills in
 * the defaults and validates it (see {@link MetricAlertRuleValidation}).
 *
 * @param measure headline value or mean answer
 * @param filter which answers count; its period is always "all" (the window sets it)
 * @param windowDays length of the window, today included
 * @param minSample fewest answers to conclude (in each window for a drop rule)
 * @param titleTemplate null: the default title for the condition
 * @param version bumped by every write; writes compare it (optimistic concurrency)
 */
public record MetricAlertRule(
    String tenantId,
    String ruleId,
    String name,
    boolean enabled,
    ScoreKind kind,
    Comparison.Measure measure,
    ScoreFilter filter,
    AlertCondition condition,
    int windowDays,
    int minSample,
    Severity severity,
    String titleTemplate,
    Duration evaluationInterval,
    SurveyActions actions,
    Instant createdAt,
    Instant updatedAt,
    long version,
    RuleState state) {

  public static final int DEFAULT_WINDOW_DAYS = 7;
  public static final int DEFAULT_MIN_SAMPLE = 30;
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofMinutes(60);

  /** The key rules are listed by. */
  public String nameKey() {
    return NameKey.of(name);
  }

  /** The survey, stage or touchpoint an alert concerns: the filter's only value, if it has one. */
  static String only(Set<String> values) {
    return values.size() == 1 ? values.iterator().next() : null;
  }

  /** Whether {@code other} measures the same thing (an update that changes it ends the episode). */
  boolean sameDefinitionAs(MetricAlertRule other) {
    return kind == other.kind && measure == other.measure && filter.equals(other.filter)
        && condition.equals(other.condition) && windowDays == other.windowDays && minSample == other.minSample;
  }

  MetricAlertRule withState(RuleState newState, long newVersion) {
    return new MetricAlertRule(tenantId, ruleId, name, enabled, kind, measure, filter, condition, windowDays,
        minSample, severity, titleTemplate, evaluationInterval, actions, createdAt, updatedAt, newVersion, newState);
  }

  MetricAlertRule stored(String tenant, String id, Instant created, Instant updated, long newVersion, RuleState newState) {
    return new MetricAlertRule(tenant, id, name, enabled, kind, measure, filter, condition, windowDays, minSample,
        severity, titleTemplate, evaluationInterval, actions, created, updated, newVersion, newState);
  }
}
