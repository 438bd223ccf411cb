package io.cxhub.metrics.alert;

import static io.cxhub.metrics.alert.MetricAlertFixtures.npsBelow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageMetricAlertRulesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
  private final InMemoryMetricAlertRules rules = new InMemoryMetricAlertRules();
  /** Every tenant has every survey but "gone", except tenant "stranger", which has none. */
  private final KnownSurveys surveys = (tenant, ids) -> new java.util.TreeSet<>(
      ids.stream().filter(id -> tenant.equals("stranger") || id.equals("gone")).toList());
  private final ManageMetricAlertRules manage = new ManageMetricAlertRules(rules, surveys, clock);

  private static MetricAlertRule rule(String name, ScoreKind kind, Comparison.Measure measure, ScoreFilter filter,
      AlertCondition condition, int windowDays, int minSample, String template, Duration interval,
      SurveyActions actions) {
    return new MetricAlertRule(null, null, name, true, kind, measure, filter, condition, windowDays, minSample, null,
        template, interval, actions, null, null, 0, null);
  }

  private static List<String> fields(Runnable call) {
    var error = catchThrowableOfType(InvalidInputException.class, call::run);
    assertThat(error).as("the call should be refused").isNotNull();
    return error.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void namesEveryBadFieldAtOnce() {
    var filter = ScoreFilter.builder().period(new DayRange(LocalDate.parse("2026-01-01"), null)).build();
    var draft = rule(" ", null, null, filter, null, 93, -1, "NPS {nps} !", Duration.ofMinutes(1441),
        new SurveyActions(true, "Not An Id"));

    assertThat(fields(() -> manage.create("t1", draft))).containsExactlyInAnyOrder(
        "rule.name", "rule.metric", "rule.filter.period", "rule.threshold", "rule.window_days", "rule.min_sample",
        "rule.evaluation_interval_minutes", "rule.title_template", "rule.actions.survey_rule_id");
    assertThat(rules.all()).isEmpty();
  }

  @Test
  void checksTheThresholdAgainstTheMeasuresRange() {
    var npsOutOfRange = rule("x", ScoreKind.NPS, null, null,
        new AlertCondition.Threshold(null, -101, false), 0, 0, null, null, null);
    var shareOutOfRange = rule("x", ScoreKind.CSAT, null, null,
        new AlertCondition.Threshold(AlertCondition.Direction.BELOW, -5, false), 0, 0, null, null, null);
    var meanOutOfRange = rule("x", ScoreKind.CES, Comparison.Measure.MEAN, null,
        new AlertCondition.Threshold(AlertCondition.Direction.ABOVE, 50, false), 0, 0, null, null, null);
    var notANumber = rule("x", ScoreKind.NPS, null, null,
        new AlertCondition.Threshold(AlertCondition.Direction.ABOVE, Double.NaN, false), 0, 0, null, null, null);

    assertThat(fields(() -> manage.create("t1", npsOutOfRange)))
        .containsExactlyInAnyOrder("rule.threshold.direction", "rule.threshold.threshold");
    assertThat(fields(() -> manage.create("t1", shareOutOfRange))).containsExactly("rule.threshold.threshold");
    assertThat(fields(() -> manage.create("t1", meanOutOfRange))).containsExactly("rule.threshold.threshold");
    assertThat(fields(() -> manage.create("t1", notANumber))).containsExactly("rule.threshold.threshold");
  }

  @Test
  void checksTheDropsAlphaAndMinimumDrop() {
    var draft = rule("x", ScoreKind.NPS, null, null, new AlertCondition.SignificantDrop(0.5, -1), 0, 0, null, null,
        null);

    assertThat(fields(() -> manage.create("t1", draft)))
        .containsExactlyInAnyOrder("rule.significant_drop.alpha", "rule.significant_drop.min_drop");
  }

  @Test
  void refusesSurveysTheTenantDoesNotHave() {
    var filter = ScoreFilter.builder().surveyIds(Set.of("s1", "gone")).build();
    var draft = rule("x", ScoreKind.NPS, null, filter, new AlertCondition.SignificantDrop(0, 0), 0, 0, null, null,
        null);

    var error = catchThrowableOfType(InvalidInputException.class, () -> manage.create("t1", draft));
    assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("rule.filter.survey_ids");
    assertThat(error.violations().get(0).description()).contains("gone").doesNotContain("s1");
    assertThat(fields(() -> manage.create("stranger", draft))).containsExactly("rule.filter.survey_ids");
    assertThat(rules.all()).isEmpty();
  }

  @Test
  void anUpdateAsksOnlyAboutSurveysItAdds() {
    var asked = new ArrayList<String>();
    var manage = new ManageMetricAlertRules(rules, (tenant, ids) -> {
      asked.addAll(ids);
      return Set.of();
    }, clock);
    var filter = ScoreFilter.builder().surveyIds(Set.of("s1")).build();
    var created = manage.create("t1", rule("x", ScoreKind.NPS, null, filter, new AlertCondition.SignificantDrop(0, 0),
        0, 0, null, null, null));
    manage.update("t1", created.ruleId(), rule("y", null, null, null, null, 0, 0, null, null, null), List.of("name"));
    var wider = ScoreFilter.builder().surveyIds(Set.of("s1", "s2")).build();
    manage.update("t1", created.ruleId(), rule(null, null, null, wider, null, 0, 0, null, null, null), List.of("filter"));

    assertThat(asked).containsExactly("s1", "s2");
  }

  @Test
  void fillsInTheDefaults() {
    var created = manage.create("t1", rule("  NPS livraison ", ScoreKind.NPS, null, null,
        new AlertCondition.SignificantDrop(0, 0), 0, 0, " ", Duration.ZERO, null));

    assertThat(created.name()).isEqualTo("NPS livraison");
    assertThat(created.measure()).isEqualTo(Comparison.Measure.HEADLINE);
    assertThat(created.filter()).isEqualTo(ScoreFilter.all());
    assertThat(created.condition()).isEqualTo(new AlertCondition.SignificantDrop(0.05, 0));
    assertThat(created.windowDays()).isEqualTo(7);
    assertThat(created.minSample()).isEqualTo(30);
    assertThat(created.severity()).isEqualTo(Severity.WARNING);
    assertThat(created.titleTemplate()).isNull();
    assertThat(created.evaluationInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(created.actions()).isEqualTo(SurveyActions.NONE);
    assertThat(created.state().nextEvaluationAt()).as("due at once").isEqualTo(clock.instant());
    assertThat(created.version()).isEqualTo(1);
  }

  @Test
  void aTemplateMayUseEveryKnownPlaceholder() {
    String template = String.join(" ", TitleTemplate.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());
    var created = manage.create("t1", rule("x", ScoreKind.NPS, null, null,
        new AlertCondition.Threshold(AlertCondition.Direction.BELOW, 0, false), 0, 0, template, null, null));

    assertThat(created.titleTemplate()).isEqualTo(template);
  }

  @Test
  void updatesOnlyTheMaskedFieldsAndRefusesUnknownOnes() {
    var created = manage.create("t1", npsBelow(20, 30));
    clock.advance(Duration.ofMinutes(5));

    var renamed = manage.update("t1", created.ruleId(), MetricAlertFixtures.draft("Renamed", null, null, 0),
        List.of("name"));

    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.condition()).isEqualTo(created.condition());
    assertThat(renamed.updatedAt()).isAfter(created.updatedAt());
    assertThat(renamed.createdAt()).isEqualTo(created.createdAt());
    assertThat(fields(() -> manage.update("t1", created.ruleId(), created, List.of("rule_id", "state"))))
        .containsExactly("update_mask");
    assertThat(fields(() -> manage.update("t1", created.ruleId(), MetricAlertFixtures.draft("x", null, null, 0),
        List.of("threshold")))).containsExactly("rule.threshold");
  }

  @Test
  void unknownRulesAreNotFound() {
    assertThat(catchThrowableOfType(NotFoundException.class, () -> manage.get("t1", "nope"))).isNotNull();
    assertThat(catchThrowableOfType(NotFoundException.class, () -> manage.delete("t1", "nope"))).isNotNull();
    var other = manage.create("t2", npsBelow(20, 30));
    assertThat(catchThrowableOfType(NotFoundException.class, () -> manage.get("t1", other.ruleId()))).isNotNull();
  }

  @Test
  void listsByNameOnePageAtATime() {
    for (String name : List.of("Charlie", "alpha", "Bravo", "Écho", "delta")) {
      manage.create("t1", MetricAlertFixtures.draft(name, null,
          new AlertCondition.Threshold(AlertCondition.Direction.BELOW, 0, false), 0));
    }
    var names = new ArrayList<String>();
    String token = "";
    do {
      var page = manage.list("t1", 2, token);
      assertThat(page.rules().size()).isLessThanOrEqualTo(2);
      page.rules().forEach(r -> names.add(r.name()));
      token = page.nextPageToken();
    } while (!token.isEmpty());

    assertThat(names).containsExactly("alpha", "Bravo", "Charlie", "delta", "Écho");
  }

  @Test
  void aTenantHasAtMostAHundredRules() {
    for (int i = 0; i < ManageMetricAlertRules.MAX_RULES; i++) {
      manage.create("t1", npsBelow(20, 30));
    }

    assertThat(catchThrowableOfType(PreconditionFailedException.class, () -> manage.create("t1", npsBelow(20, 30))))
        .isNotNull();
    assertThat(manage.create("t2", npsBelow(20, 30))).isNotNull();
  }
}
