package io.cxhub.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Interval;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TitleTemplateTest {

  private static final DayRange WINDOW = new DayRange(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-14"));

  private static MetricAlertRule withTemplate(String template) {
    var r = MetricAlertFixtures.npsBelow(20.5, 30);
    return new MetricAlertRule(r.tenantId(), r.ruleId(), r.name(), r.enabled(), r.kind(), r.measure(), r.filter(),
        r.condition(), r.windowDays(), r.minSample(), r.severity(), template, r.evaluationInterval(), r.actions(),
        null, null, 0, null);
  }

  @Test
  void replacesPlaceholdersAndMarksValuesTheRuleDoesNotHave() {
    var observation = new Observation(WINDOW, 48, -12.4567, new Interval(-30.04, 5.55), true, null);

    String title = TitleTemplate.render(withTemplate(
        "{metric} {value} [{interval_low}; {interval_high}] < {threshold} du {window_start} au {window_end}, "
            + "p={p_value} {unknown}"), observation);

    assertThat(title).isEqualTo("NPS -12.5 [-30.0; 5.6] < 20.5 du 2026-03-08 au 2026-03-14, p=- {unknown}");
  }

  @Test
  void cutsTitlesAtTwoHundredCharacters() {
    var observation = new Observation(WINDOW, 48, 0, null, false, null);

    String title = TitleTemplate.render(withTemplate("x".repeat(195) + " {rule_name}"), observation);

    assertThat(title).hasSize(200).endsWith("…");
  }
}
