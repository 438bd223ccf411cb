package io.cxhub.metrics.alert;

import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.util.Set;

/** Rule drafts as a client would send them. */
final class MetricAlertFixtures {

  private MetricAlertFixtures() {}

  static ScoreFilter stage(String stage) {
    return ScoreFilter.builder().surveyIds(Set.of("s1")).questionId("nps").stages(Set.of(stage)).build();
  }

  static MetricAlertRule draft(String name, ScoreFilter filter, AlertCondition condition, int minSample) {
    return new MetricAlertRule(null, null, name, true, ScoreKind.NPS, Comparison.Measure.HEADLINE, filter, condition,
        7, minSample, Severity.CRITICAL, null, Duration.ofMinutes(60), new SurveyActions(true, null),
        null, null, 0, null);
  }

  static MetricAlertRule npsBelow(double threshold, int minSample) {
    return draft("NPS livraison", stage("delivery"),
        new AlertCondition.Threshold(AlertCondition.Direction.BELOW, threshold, false), minSample);
  }

  static MetricAlertRule npsConfidentlyBelow(double threshold, int minSample) {
    return draft("NPS livraison (sûr)", stage("delivery"),
        new AlertCondition.Threshold(AlertCondition.Direction.BELOW, threshold, true), minSample);
  }

  static MetricAlertRule npsDrop(double alpha, int minSample) {
    return draft("Chute NPS livraison", stage("delivery"), new AlertCondition.SignificantDrop(alpha, 0), minSample);
  }
}
