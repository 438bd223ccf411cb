package io.cxhub.survey.survey;

import static io.cxhub.survey.survey.SurveyFixtures.draft;
import static io.cxhub.survey.survey.SurveyFixtures.nps;
import static io.cxhub.survey.survey.SurveyFixtures.question;
import static io.cxhub.survey.survey.SurveyFixtures.withNps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.survey.survey.SurveyDraft.QuestionDraft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyValidatorTest {

  private final SurveyValidator validator = new SurveyValidator();

  private List<String> violatedFields(SurveyDraft draft) {
    try {
      validator.validate(draft);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  private Question only(QuestionDraft q) {
    return validator.validate(withNps(q)).get(1);
  }

  @Nested
  class SurveyLevel {

    @Test
    void acceptsMinimalSurvey() {
      var questions = validator.validate(draft(nps("")));
      assertThat(questions).singleElement().satisfies(q -> {
        assertThat(q.id()).isEqualTo("q1");
        assertThat(q.scaleMin()).isZero();
        assertThat(q.scaleMax()).isEqualTo(10);
      });
    }

    @Test
    void rejectsMissingSurvey() {
      assertThat(violatedFields(null)).containsExactly("survey");
    }

    @Test
    void reportsEveryProblemAtOnce() {
      var draft = new SurveyDraft(" ", "x".repeat(2001), List.of(
          question(QuestionKind.CSAT, 0, 0),
          new QuestionDraft("Bad Id", null, "", false, 0, 0, List.of())));
      assertThat(violatedFields(draft)).containsExactlyInAnyOrder(
          "survey.title",
          "survey.description",
          "survey.questions[1].question_id",
          "survey.questions[1].text",
          "survey.questions[1].kind");
    }

    @Test
    void titleAtMost200Characters() {
      assertThat(violatedFields(new SurveyDraft("t".repeat(200), "", List.of(nps(""))))).isEmpty();
      assertThat(violatedFields(new SurveyDraft("t".repeat(201), "", List.of(nps(""))))).containsExactly("survey.title");
    }

    @Test
    void needsOneToFiftyQuestions() {
      assertThat(violatedFields(new SurveyDraft("t", "", List.of()))).containsExactly("survey.questions");
      var many = new ArrayList<QuestionDraft>();
      for (int i = 0; i < 51; i++) {
        many.add(nps(""));
      }
      assertThat(violatedFields(new SurveyDraft("t", "", many))).containsExactly("survey.questions");
      assertThat(violatedFields(new SurveyDraft("t", "", many.subList(0, 50)))).isEmpty();
    }

    /** Any survey with at least one question is valid: a CSAT-only or CES-only one too. */
    @ParameterizedTest
    @CsvSource({"CSAT, 1, 5", "CES, 1, 7", "RATING, 1, 10", "FREE_TEXT, 0, 0"})
    void needsNoNpsQuestion(QuestionKind kind, int min, int max) {
      assertThat(violatedFields(draft(question(kind, min, max)))).isEmpty();
    }
  }

  @Nested
  class QuestionIds {

    @Test
    void generatesPositionalIdsSkippingTakenOnes() {
      var questions = validator.validate(draft(nps(""), nps("q1"), nps(""), nps("")));
      assertThat(questions).extracting(Question::id).containsExactly("q2", "q1", "q3", "q4");
    }

    @Test
    void rejectsDuplicateIds() {
      assertThat(violatedFields(draft(nps("same"), nps("same"))))
          .containsExactly("survey.questions[1].question_id");
    }

    @ParameterizedTest
    @CsvSource({"UPPER", "with space", "é", "dot.ted"})
    void rejectsMalformedIds(String id) {
      assertThat(violatedFields(draft(nps(id)))).containsExactly("survey.questions[0].question_id");
    }

    @Test
    void acceptsIdsUpTo64Characters() {
      assertThat(violatedFields(draft(nps("a".repeat(64))))).isEmpty();
      assertThat(violatedFields(draft(nps("a".repeat(65))))).containsExactly("survey.questions[0].question_id");
    }

    @Test
    void textIsRequiredAndAtMost1000Characters() {
      var blank = new QuestionDraft("", QuestionKind.NPS, "", false, 0, 0, List.of());
      var longText = new QuestionDraft("", QuestionKind.NPS, "x".repeat(1001), false, 0, 0, List.of());
      assertThat(violatedFields(draft(blank, longText)))
          .containsExactly("survey.questions[0].text", "survey.questions[1].text");
    }
  }

  @Nested
  class Scales {

    @ParameterizedTest(name = "{0} {1}..{2} -> {3}..{4}")
    @CsvSource({
        "NPS, 0, 0, 0, 10",
        "NPS, 0, 10, 0, 10",
        "CSAT, 0, 0, 1, 5",
        "CSAT, 1, 5, 1, 5",
        "CES, 0, 0, 1, 7",
        "CES, 1, 7, 1, 7",
        "CES, 0, 5, 1, 5",
        "RATING, 0, 2, 0, 2",
        "RATING, 1, 10, 1, 10",
        "RATING, 0, 5, 0, 5"})
    void acceptsValidScales(QuestionKind kind, int min, int max, int expectedMin, int expectedMax) {
      Question q = only(question(kind, min, max));
      assertThat(q.scaleMin()).isEqualTo(expectedMin);
      assertThat(q.scaleMax()).isEqualTo(expectedMax);
    }

    @ParameterizedTest(name = "{0} {1}..{2} names {3}")
    @CsvSource({
        "NPS, 1, 10, scale_min",
        "NPS, 0, 5, scale_max",
        "CSAT, 2, 5, scale_min",
        "CSAT, 1, 7, scale_max",
        "CES, 0, 6, scale_max",
        "CES, 0, 10, scale_max",
        "CES, 2, 7, scale_min",
        "RATING, 0, 0, scale_max",
        "RATING, 0, 1, scale_max",
        "RATING, 0, 11, scale_max",
        "RATING, 2, 5, scale_min",
        "FREE_TEXT, 0, 5, scale_max",
        "FREE_TEXT, 1, 0, scale_min",
        "SINGLE_CHOICE, 0, 5, scale_max"})
    void rejectsInvalidScales(QuestionKind kind, int min, int max, String field) {
      var q = kind.isChoice()
          ? question(kind, min, max, new Choice("a", "A"), new Choice("b", "B"))
          : question(kind, min, max);
      assertThat(violatedFields(withNps(q))).containsExactly("survey.questions[1]." + field);
    }
  }

  @Nested
  class Choices {

    @Test
    void choiceQuestionsNeedTwoChoices() {
      var one = question(QuestionKind.SINGLE_CHOICE, 0, 0, new Choice("a", "A"));
      var none = question(QuestionKind.MULTIPLE_CHOICE, 0, 0);
      assertThat(violatedFields(withNps(one, none)))
          .containsExactly("survey.questions[1].choices", "survey.questions[2].choices");
    }

    @Test
    void choiceIdsMustBeUniqueAndLabelsPresent() {
      var q = question(QuestionKind.MULTIPLE_CHOICE, 0, 0,
          new Choice("a", "A"), new Choice("a", "Again"), new Choice("b", " "));
      assertThat(violatedFields(withNps(q)))
          .containsExactly("survey.questions[1].choices[1].choice_id", "survey.questions[1].choices[2].label");
    }

    @Test
    void generatesMissingChoiceIds() {
      var q = only(question(QuestionKind.SINGLE_CHOICE, 0, 0, new Choice("", "Yes"), new Choice("", "No")));
      assertThat(q.choices()).extracting(Choice::id).containsExactly("c1", "c2");
    }

    @Test
    void otherKindsTakeNoChoices() {
      var q = question(QuestionKind.FREE_TEXT, 0, 0, new Choice("a", "A"), new Choice("b", "B"));
      assertThat(violatedFields(withNps(q))).containsExactly("survey.questions[1].choices");
    }

    @Test
    void freeTextHasNoScale() {
      var q = only(question(QuestionKind.FREE_TEXT, 0, 0));
      assertThat(q.scaleMin()).isZero();
      assertThat(q.scaleMax()).isZero();
      assertThat(q.choices()).isEmpty();
    }
  }

  @Test
  void failureCarriesDescriptions() {
    assertThatThrownBy(() -> validator.validate(draft(question(QuestionKind.NPS, 1, 10))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .anySatisfy(v -> assertThat(v.description()).contains("NPS")));
  }
}
