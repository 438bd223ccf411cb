package io.cxhub.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.survey.survey.Choice;
import io.cxhub.survey.survey.InMemorySurveys;
import io.cxhub.survey.survey.Question;
import io.cxhub.survey.survey.QuestionKind;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmitResponseTest {

  private static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589Z");
  private static final String TENANT = "acme";

  private final InMemorySurveys surveys = new InMemorySurveys();
  private final InMemorySurveyResponses responses = new InMemorySurveyResponses();
  private final List<String> nudges = new ArrayList<>();
  private final SubmitResponse submit = new SubmitResponse(surveys, new AcceptResponse(
      responses, new ResponseValidator(), nudges::add, Clock.fixed(NOW, ZoneOffset.UTC), new ResponseFeed()));

  private Survey survey;

  @BeforeEach
  void createSurvey() {
    survey = survey("s1", SurveyState.ACTIVE);
  }

  private Survey survey(String id, SurveyState state) {
    var s = new Survey(id, TENANT, "Every kind", "", List.of(
        new Question("nps", QuestionKind.NPS, "Recommend?", true, 0, 10, List.of()),
        new Question("csat", QuestionKind.CSAT, "Satisfied?", false, 1, 5, List.of()),
        new Question("ces", QuestionKind.CES, "Easy?", false, 1, 5, List.of()),
        new Question("rating", QuestionKind.RATING, "Rate", false, 1, 4, List.of()),
        new Question("single", QuestionKind.SINGLE_CHOICE, "Pick one", false, 0, 0,
            List.of(new Choice("a", "A"), new Choice("b", "B"))),
        new Question("multi", QuestionKind.MULTIPLE_CHOICE, "Pick some", false, 0, 0,
            List.of(new Choice("x", "X"), new Choice("y", "Y"), new Choice("z", "Z"))),
        new Question("text", QuestionKind.FREE_TEXT, "Tell us", false, 0, 0, List.of())),
        state, 3, NOW, NOW);
    surveys.replace(s);
    return s;
  }

  private static SubmittedAnswer score(String question, int score) {
    return new SubmittedAnswer(question, new AnswerValue.Score(score));
  }

  private static SubmittedAnswer text(String question, String text) {
    return new SubmittedAnswer(question, new AnswerValue.Text(text));
  }

  private static SubmittedAnswer choices(String question, String... ids) {
    return new SubmittedAnswer(question, new AnswerValue.Choices(Arrays.asList(ids)));
  }

  private static ResponseSubmission submission(SubmittedAnswer... answers) {
    return new ResponseSubmission("s1", Arrays.asList(answers), null, null, null);
  }

  private SurveyResponse submit(SubmittedAnswer... answers) {
    return submit.submit(TENANT, submission(answers));
  }

  private List<String> violatedFields(SubmittedAnswer... answers) {
    try {
      submit(answers);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  @Nested
  class Accepting {

    @Test
    void storesResponseWithVersionKindsScalesAndPendingOutbox() {
      var r = submit(score("nps", 9), score("ces", 2), choices("multi", "x", "z"), text("text", "Fast"));

      assertThat(r.tenantId()).isEqualTo(TENANT);
      assertThat(r.surveyVersion()).isEqualTo(3);
      assertThat(r.channel()).isEqualTo(Channel.LINK);
      assertThat(r.submitTime()).isEqualTo(NOW);
      assertThat(r.answers()).extracting(ResponseAnswer::questionId, ResponseAnswer::kind, ResponseAnswer::scaleMin, ResponseAnswer::scaleMax)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("nps", QuestionKind.NPS, 0, 10),
              org.assertj.core.groups.Tuple.tuple("ces", QuestionKind.CES, 1, 5),
              org.assertj.core.groups.Tuple.tuple("multi", QuestionKind.MULTIPLE_CHOICE, 0, 0),
              org.assertj.core.groups.Tuple.tuple("text", QuestionKind.FREE_TEXT, 0, 0));
      assertThat(r.outbox()).isEqualTo(Outbox.pending(NOW, List.of("metrics", "alerts")));
      assertThat(responses.find(TENANT, r.responseId())).contains(r);
    }

    @Test
    void nudgesTheRelayWithTheSurveysTenant() {
      submit(score("nps", 9));
      assertThat(nudges).containsExactly(TENANT);
    }

    @Test
    void keepsTheGivenChannel() {
      var r = submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), Channel.QR, null, null));
      assertThat(r.channel()).isEqualTo(Channel.QR);
    }

    @Test
    void recordsAnUnspecifiedChannelAsLink() {
      var r = submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), Channel.UNSPECIFIED, null, null));
      assertThat(r.channel()).isEqualTo(Channel.LINK);
    }

    @Test
    void aFailingNudgeDoesNotFailTheSubmission() {
      var failing = new SubmitResponse(surveys, new AcceptResponse(responses, new ResponseValidator(),
          t -> { throw new IllegalStateException("relay stopped"); }, Clock.fixed(NOW, ZoneOffset.UTC),
          new ResponseFeed()));
      var r = failing.submit(TENANT, submission(score("nps", 9)));
      assertThat(responses.find(TENANT, r.responseId())).isPresent();
    }

    @Test
    void aCallerOfTheSameTenantMaySubmit() {
      assertThat(submit.submit(TENANT, submission(score("nps", 9)))).isNotNull();
    }
  }

  @Nested
  class ImportedHistory {

    private final SubmitResponse importing = new SubmitResponse(surveys, new AcceptResponse(responses,
        new ResponseValidator(), nudges::add, Clock.fixed(NOW, ZoneOffset.UTC), new ResponseFeed(),
        java.util.Set.of("alerts")));

    private SurveyResponse answeredAt(Instant time, String key) {
      return importing.submit(TENANT, new ResponseSubmission("s1", List.of(score("nps", 2)), Channel.EMAIL, key, null,
          time));
    }

    @Test
    void keepsTheStatedTimeAndIsNotEvaluatedByLiveOnlySubscribers() {
      var then = NOW.minus(java.time.Duration.ofDays(200));
      var r = answeredAt(then, null);

      assertThat(r.submitTime()).isEqualTo(then);
      assertThat(r.outbox().of("metrics").state()).isEqualTo(OutboxState.PENDING);
      assertThat(r.outbox().of("alerts").state()).isEqualTo(OutboxState.DELIVERED);
    }

    @Test
    void anAnswerStatedAFewMinutesAgoIsLive() {
      var r = answeredAt(NOW.minusSeconds(600), null);
      assertThat(r.outbox()).isEqualTo(Outbox.pending(NOW, List.of("metrics", "alerts")));
    }

    @Test
    void refusesATimeInTheFutureOrMoreThanTenYearsAgo() {
      assertThatThrownBy(() -> answeredAt(NOW.plusSeconds(3_600), null))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .extracting(FieldViolation::field).containsExactly("submit_time"));
      assertThatThrownBy(() -> answeredAt(NOW.minus(java.time.Duration.ofDays(4_000)), null))
          .isInstanceOf(InvalidInputException.class);
      assertThat(nudges).isEmpty();
    }

    @Test
    void theSameKeyWithAnotherTimeIsAnotherPayload() {
      var then = NOW.minus(java.time.Duration.ofDays(30));
      var first = answeredAt(then, "import-1");
      assertThat(answeredAt(then, "import-1")).isEqualTo(first);
      assertThatThrownBy(() -> answeredAt(then.plusSeconds(60), "import-1")).isInstanceOf(AlreadyExistsException.class);
    }
  }

  @Nested
  class Scores {

    @ParameterizedTest(name = "{0}={1} valid={2}")
    @CsvSource({
        "nps, 0, true", "nps, 10, true", "nps, -1, false", "nps, 11, false",
        "csat, 1, true", "csat, 5, true", "csat, 0, false", "csat, 6, false",
        "ces, 1, true", "ces, 5, true", "ces, 6, false", "ces, 0, false",
        "rating, 1, true", "rating, 4, true", "rating, 0, false", "rating, 5, false"})
    void scoreMustBeWithinTheQuestionsScale(String question, int value, boolean valid) {
      var answers = question.equals("nps")
          ? new SubmittedAnswer[] {score("nps", value)}
          : new SubmittedAnswer[] {score("nps", 5), score(question, value)};
      var fields = violatedFields(answers);
      if (valid) {
        assertThat(fields).isEmpty();
      } else {
        assertThat(fields).containsExactly("answers[" + (answers.length - 1) + "].score");
      }
    }

    @Test
    void scoredQuestionNeedsAScore() {
      assertThat(violatedFields(score("nps", 5), text("csat", "good"), new SubmittedAnswer("rating", null)))
          .containsExactly("answers[1].score", "answers[2].score");
    }
  }

  @Nested
  class ChoicesAndText {

    @Test
    void singleChoiceTakesExactlyOne() {
      assertThat(violatedFields(score("nps", 5), choices("single", "a", "b"))).containsExactly("answers[1].choices.choice_ids");
      assertThat(violatedFields(score("nps", 5), choices("single"))).containsExactly("answers[1].choices.choice_ids");
      assertThat(violatedFields(score("nps", 5), choices("single", "b"))).isEmpty();
    }

    @Test
    void multipleChoiceTakesAtLeastOneExistingDistinctChoice() {
      assertThat(violatedFields(score("nps", 5), choices("multi"))).containsExactly("answers[1].choices.choice_ids");
      assertThat(violatedFields(score("nps", 5), choices("multi", "x", "nope", "x")))
          .containsExactly("answers[1].choices.choice_ids[1]", "answers[1].choices.choice_ids[2]");
      assertThat(violatedFields(score("nps", 5), choices("multi", "x", "y", "z"))).isEmpty();
    }

    @Test
    void choiceQuestionNeedsChoices() {
      assertThat(violatedFields(score("nps", 5), score("single", 1))).containsExactly("answers[1].choices.choice_ids");
    }

    @Test
    void textIsNonBlankAndAtMost5000Characters() {
      assertThat(violatedFields(score("nps", 5), text("text", "x".repeat(5000)))).isEmpty();
      assertThat(violatedFields(score("nps", 5), text("text", "x".repeat(5001)))).containsExactly("answers[1].text");
      assertThat(violatedFields(score("nps", 5), text("text", "  "))).containsExactly("answers[1].text");
      assertThat(violatedFields(score("nps", 5), score("text", 3))).containsExactly("answers[1].text");
    }
  }

  @Nested
  class Questions {

    @Test
    void unknownQuestionIsNamed() {
      assertThat(violatedFields(score("nps", 5), score("nope", 1))).containsExactly("answers[1].question_id");
    }

    @Test
    void atMostOneAnswerPerQuestion() {
      assertThat(violatedFields(score("nps", 5), score("nps", 6))).containsExactly("answers[1].question_id");
    }

    @Test
    void requiredQuestionMustBeAnswered() {
      assertThat(violatedFields(score("csat", 5))).containsExactly("answers");
    }

    @Test
    void reportsEveryProblemAtOnce() {
      assertThat(violatedFields(score("csat", 9), new SubmittedAnswer("", null), text("text", "")))
          .containsExactly("answers[0].score", "answers[1].question_id", "answers[2].text", "answers");
      assertThat(responses.all()).isEmpty();
      assertThat(nudges).isEmpty();
    }
  }

  @Nested
  class SurveyLifecycle {

    @Test
    void unknownSurveyIsNotFound() {
      assertThatThrownBy(() -> submit.submit(TENANT,
          new ResponseSubmission("nope", List.of(score("nps", 5)), null, null, null)))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsCallerSeesNoSurvey() {
      assertThatThrownBy(() -> submit.submit("globex", submission(score("nps", 5))))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void closedOrDraftSurveyRefusesResponses() {
      survey("s1", SurveyState.CLOSED);
      assertThatThrownBy(() -> submit(score("nps", 5))).isInstanceOf(PreconditionFailedException.class);
      survey("s1", SurveyState.DRAFT);
      assertThatThrownBy(() -> submit(score("nps", 5))).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void missingSurveyIdIsInvalid() {
      assertThatThrownBy(() -> submit.submit(TENANT, new ResponseSubmission("", List.of(), null, null, null)))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("survey_id"));
    }
  }

  @Nested
  class Idempotency {

    private SurveyResponse submitWithKey(String key, int npsScore) {
      return submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", npsScore)), null, key, null));
    }

    @Test
    void replayReturnsTheFirstResponseAndRecordsNothingNew() {
      var first = submitWithKey("k-1", 9);
      var replay = submitWithKey("k-1", 9);

      assertThat(replay).isEqualTo(first);
      assertThat(responses.all()).hasSize(1);
      assertThat(nudges).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherPayloadIsRefusedAndChangesNothing() {
      var first = submitWithKey("k-1", 9);

      assertThatThrownBy(() -> submitWithKey("k-1", 3)).isInstanceOf(AlreadyExistsException.class);
      assertThat(responses.all()).containsExactly(first);
      assertThat(nudges).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherChannelIsAnotherPayload() {
      submit.submit(TENANT, new ResponseSubmission("s1", List.of(score("nps", 9)), Channel.QR, "k-1", null));

      assertThatThrownBy(() -> submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), Channel.EMAIL, "k-1", null)))
          .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void theSameKeyWithAnotherContextIsAnotherPayload() {
      var context = new RespondentContext("cust-1", "", "", java.util.Map.of());
      var first = submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), null, "k-1", context));
      assertThat(first.context().customerId()).isEqualTo("cust-1");
      assertThat(submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), null, "k-1", context))).isEqualTo(first);

      assertThatThrownBy(() -> submit.submit(TENANT,
          new ResponseSubmission("s1", List.of(score("nps", 9)), null, "k-1", null)))
          .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void replayAfterTheSurveyClosedStillReturnsTheFirstResponse() {
      var first = submitWithKey("k-1", 9);
      survey("s1", SurveyState.CLOSED);
      assertThat(submitWithKey("k-1", 9)).isEqualTo(first);
    }

    @Test
    void differentKeysRecordDifferentResponses() {
      assertThat(submitWithKey("k-1", 9).responseId()).isNotEqualTo(submitWithKey("k-2", 9).responseId());
    }

    @Test
    void keyIsAtMost128Characters() {
      assertThat(submitWithKey("k".repeat(128), 9)).isNotNull();
      assertThatThrownBy(() -> submitWithKey("k".repeat(129), 9))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("idempotency_key"));
    }
  }
}
