package io.cxhub.kit.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ViolationsTest {

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    var violations = new Violations()
        .requireText("survey.title", " ", 200)
        .maxLength("survey.description", "x".repeat(11), 10)
        .matches("survey.questions[0].question_id", "Bad Id", Pattern.compile("[a-z]+"), "lowercase");

    assertThatThrownBy(violations::throwIfAny)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactly("survey.title", "survey.description", "survey.questions[0].question_id"));
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // 10 emoji are 20 UTF-16 units but 10 characters for the respondent
    var violations = new Violations().maxLength("text", "😀".repeat(10), 10);
    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void passesWhenNothingIsWrong() {
    new Violations().requireText("name", "Delivery", 120).throwIfAny();
  }
}
