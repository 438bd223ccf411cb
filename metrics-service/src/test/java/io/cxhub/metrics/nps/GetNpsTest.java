package io.cxhub.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GetNpsTest {

  private final List<NpsCounts.DayCounts> buckets = new ArrayList<>();
  private final GetNps getNps = new GetNps((tenant, survey, period) -> tenant.equals("acme") && survey.equals("s1")
      ? buckets.stream().filter(b -> period.contains(b.day())).toList()
      : List.of());

  private void bucket(String question, String day, long p, long pa, long d) {
    buckets.add(new NpsCounts.DayCounts(question, LocalDate.parse(day), new NetPromoterScore(p, pa, d)));
  }

  private List<String> violatedFields(NpsQuery query) {
    try {
      getNps.get("acme", query);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  @Test
  void sumsBucketsOfTheOnlyQuestionOverThePeriod() {
    bucket("q1", "2025-01-01", 2, 1, 0);
    bucket("q1", "2025-01-02", 3, 1, 3);
    bucket("q1", "2025-01-03", 100, 0, 0);

    var report = getNps.get("acme", new NpsQuery("s1", "", "2025-01-01", "2025-01-02"));
    assertThat(report.questionId()).isEqualTo("q1");
    assertThat(report.score()).isEqualTo(new NetPromoterScore(5, 2, 3));
    assertThat(report.score().score()).isEqualTo(20.0);
  }

  @Test
  void openEndsIncludeEverything() {
    bucket("q1", "2020-01-01", 1, 0, 0);
    bucket("q1", "2030-01-01", 0, 0, 1);
    assertThat(getNps.get("acme", new NpsQuery("s1", "", "", "")).score().n()).isEqualTo(2);
    assertThat(getNps.get("acme", new NpsQuery("s1", "", "2025-01-01", "")).score().n()).isEqualTo(1);
    assertThat(getNps.get("acme", new NpsQuery("s1", "", "", "2025-01-01")).score().n()).isEqualTo(1);
  }

  @Test
  void severalNpsQuestionsNeedAQuestionId() {
    bucket("q1", "2025-01-01", 1, 0, 0);
    bucket("q2", "2025-01-01", 0, 0, 1);
    assertThat(violatedFields(new NpsQuery("s1", "", "", ""))).containsExactly("question_id");
    assertThat(getNps.get("acme", new NpsQuery("s1", "q2", "", "")).score()).isEqualTo(new NetPromoterScore(0, 0, 1));
  }

  @Test
  void noDataGivesAnEmptyResult() {
    var report = getNps.get("acme", new NpsQuery("unknown", "", "", ""));
    assertThat(report.score().n()).isZero();
    assertThat(report.score().score()).isZero();
    assertThat(report.questionId()).isEmpty();
  }

  @Test
  void otherTenantsSeeNothing() {
    bucket("q1", "2025-01-01", 1, 0, 0);
    assertThat(getNps.get("globex", new NpsQuery("s1", "", "", "")).score().n()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "2025-13-01, '', period.start_date",
      "2025-02-30, '', period.start_date",
      "25-01-01, '', period.start_date",
      "'', 2025/01/01, period.end_date",
      "2025-02-02, 2025-02-01, period.start_date"})
  void validatesThePeriod(String start, String end, String field) {
    assertThat(violatedFields(new NpsQuery("s1", "", start, end))).containsExactly(field);
  }

  @Test
  void surveyIdIsRequired() {
    assertThatThrownBy(() -> getNps.get("acme", new NpsQuery("", "", "", "")))
        .isInstanceOf(InvalidInputException.class);
  }
}
