package io.cxhub.metrics.alert;

import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Defaults and checks of a rule as a client sent it. Every bad field is reported at once,
 * named by its path in the contract ({@code rule.threshold.threshold}).
 */
final class MetricAlertRuleValidation {

  static final int MAX_TEXT = 200;
  static final int MAX_WINDOW_DAYS = 92;
  static final int MAX_MIN_SAMPLE = 100_000;
  static final Duration MAX_INTERVAL = Duration.ofDays(1);
  static final double MAX_ALPHA = 0.2;
  static final int MAX_FILTER_VALUES = 100;
  private static final Pattern ID = Pattern.compile("[a-z0-9]{1,64}");

  private MetricAlertRuleValidation() {}

  /**
   * The draft with defaults filled in (measure, filter, window, minimum sample, severity,
   * interval, actions, alpha), after checking it.
   *
   * @throws io.cxhub.kit.error.InvalidInputException naming every invalid field
   */
  static MetricAlertRule normalize(MetricAlertRule draft) {
    var v = new Violations();
    String name = draft.name() == null ? null : draft.name().strip();
    v.requireText("rule.name", name, MAX_TEXT);
    if (draft.kind() == null) {
      v.add("rule.metric", "is required: SCORE_METRIC_NPS, SCORE_METRIC_CSAT or SCORE_METRIC_CES");
    }
    var measure = draft.measure() == null ? Comparison.Measure.HEADLINE : draft.measure();
    var filter = draft.filter() == null ? ScoreFilter.all() : draft.filter();
    checkFilter(filter, v);

    AlertCondition condition = draft.condition();
    if (condition == null) {
      v.add("rule.threshold", "one of threshold or significant_drop is required");
    } else if (condition instanceof AlertCondition.Threshold t) {
      checkThreshold(t, draft.kind(), measure, v);
    } else if (condition instanceof AlertCondition.SignificantDrop d) {
      condition = checkDrop(d, v);
    }

    int windowDays = draft.windowDays() == 0 ? MetricAlertRule.DEFAULT_WINDOW_DAYS : draft.windowDays();
    v.check(windowDays >= 1 && windowDays <= MAX_WINDOW_DAYS, "rule.window_days",
        "must be between 1 and " + MAX_WINDOW_DAYS);
    int minSample = draft.minSample() == 0 ? MetricAlertRule.DEFAULT_MIN_SAMPLE : draft.minSample();
    v.check(minSample >= 1 && minSample <= MAX_MIN_SAMPLE, "rule.min_sample",
        "must be between 1 and " + MAX_MIN_SAMPLE);
    Duration interval = draft.evaluationInterval() == null || draft.evaluationInterval().isZero()
        ? MetricAlertRule.DEFAULT_EVALUATION_INTERVAL : draft.evaluationInterval();
    v.check(!interval.isNegative() && interval.compareTo(Duration.ofMinutes(1)) >= 0
        && interval.compareTo(MAX_INTERVAL) <= 0, "rule.evaluation_interval_minutes", "must be between 1 and 1440");

    String template = draft.titleTemplate() == null || draft.titleTemplate().isBlank() ? null : draft.titleTemplate();
    if (template != null) {
      v.maxLength("rule.title_template", template, MAX_TEXT);
      TitleTemplate.check(template, "rule.title_template", v);
    }
    var actions = draft.actions() == null ? SurveyActions.NONE : draft.actions();
    String surveyRuleId = actions.surveyRuleId() == null || actions.surveyRuleId().isBlank()
        ? null : actions.surveyRuleId().strip();
    v.matches("rule.actions.survey_rule_id", surveyRuleId, ID, "a survey alert rule id (lowercase letters and digits)");
    v.throwIfAny();

    return new MetricAlertRule(draft.tenantId(), draft.ruleId(), name, draft.enabled(), draft.kind(), measure, filter,
        condition, windowDays, minSample, draft.severity() == null ? Severity.WARNING : draft.severity(), template,
        interval, new SurveyActions(actions.openCase(), surveyRuleId), draft.createdAt(), draft.updatedAt(),
        draft.version(), draft.state());
  }

  private static void checkFilter(ScoreFilter filter, Violations v) {
    if (!filter.period().equals(DayRange.ALL)) {
      v.add("rule.filter.period", "must be empty: the rule's window_days sets the period");
    }
    checkValues(filter.surveyIds(), "rule.filter.survey_ids", v);
    checkValues(filter.channels(), "rule.filter.channels", v);
    checkValues(filter.stages(), "rule.filter.stages", v);
    checkValues(filter.touchpoints(), "rule.filter.touchpoints", v);
    checkValues(filter.segments(), "rule.filter.segments", v);
    v.maxLength("rule.filter.question_id", filter.questionId(), MAX_TEXT);
  }

  private static void checkValues(Set<String> values, String field, Violations v) {
    v.check(values.size() <= MAX_FILTER_VALUES, field, "at most " + MAX_FILTER_VALUES + " values");
    v.check(values.stream().allMatch(s -> s.length() <= MAX_TEXT), field,
        "each value must be at most " + MAX_TEXT + " characters");
  }

  private static void checkThreshold(AlertCondition.Threshold t, ScoreKind kind, Comparison.Measure measure, Violations v) {
    if (t.direction() == null) {
      v.add("rule.threshold.direction", "is required: THRESHOLD_DIRECTION_BELOW or THRESHOLD_DIRECTION_ABOVE");
    }
    double min;
    double max;
    String unit;
    if (measure == Comparison.Measure.MEAN) {
      min = 0;
      max = 10;
      unit = "a mean answer";
    } else if (kind == ScoreKind.NPS) {
      min = -100;
      max = 100;
      unit = "NPS points";
    } else {
      min = 0;
      max = 100;
      unit = "a percentage";
    }
    v.check(Double.isFinite(t.threshold()) && t.threshold() >= min && t.threshold() <= max,
        "rule.threshold.threshold", "must be between " + fmt(min) + " and " + fmt(max) + " (" + unit + ")");
  }

  private static AlertCondition checkDrop(AlertCondition.SignificantDrop d, Violations v) {
    double alpha = d.alpha() == 0 ? AlertCondition.SignificantDrop.DEFAULT_ALPHA : d.alpha();
    v.check(Double.isFinite(alpha) && alpha > 0 && alpha <= MAX_ALPHA, "rule.significant_drop.alpha",
        "must be above 0 and at most " + MAX_ALPHA);
    v.check(Double.isFinite(d.minDrop()) && d.minDrop() >= 0 && d.minDrop() <= 200, "rule.significant_drop.min_drop",
        "must be between 0 and 200");
    return new AlertCondition.SignificantDrop(alpha, d.minDrop());
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
