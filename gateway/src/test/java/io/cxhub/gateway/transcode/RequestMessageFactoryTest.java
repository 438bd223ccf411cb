package io.cxhub.gateway.transcode;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Catalogs.binding;
import static io.cxhub.gateway.testing.Catalogs.customBinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.HttpRule;
import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.problem.FieldViolation;
import io.cxhub.gateway.problem.Problem;
import io.cxhub.gateway.problem.ProblemException;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.ImportEventsRequest;
import io.cxhub.proto.persona.v1.CreatePersonaRequest;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.ListSurveysRequest;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class RequestMessageFactoryTest {

  private final RequestMessageFactory factory = new RequestMessageFactory(new ProtoJsonReader(CATALOG.typeRegistry()));

  @Nested
  class PathVariables {

    @Test
    void setTheFieldTheyName() throws Exception {
      DynamicMessage message = build(binding("GetSurvey"), Map.of("survey_id", "s1"), query(), "");

      assertThat(GetSurveyRequest.parseFrom(message.toByteString()).getSurveyId()).isEqualTo("s1");
    }

    @Test
    void setNestedFieldsAndWinOverTheBody() throws Exception {
      var rule = HttpRule.newBuilder().setPatch("/v1/surveys/{survey.survey_id}").setBody("survey").build();

      DynamicMessage message = build(customBinding("CreateSurvey", rule), Map.of("survey.survey_id", "s9"), query(),
          "{\"surveyId\":\"from-body\",\"title\":\"Delivery\"}");

      var request = CreateSurveyRequest.parseFrom(message.toByteString());
      assertThat(request.getSurvey().getSurveyId()).isEqualTo("s9");
      assertThat(request.getSurvey().getTitle()).isEqualTo("Delivery");
    }
  }

  @Nested
  class QueryParameters {

    @Test
    void setNestedFieldsByJsonOrProtoNames() throws Exception {
      DynamicMessage message = build(binding("GetNps"), Map.of("survey_id", "s1"),
          query("questionId", "q1", "period.startDate", "2024-01-01", "period.end_date", "2024-01-31"), "");

      var request = GetNpsRequest.parseFrom(message.toByteString());
      assertThat(request.getSurveyId()).isEqualTo("s1");
      assertThat(request.getQuestionId()).isEqualTo("q1");
      assertThat(request.getPeriod().getStartDate()).isEqualTo("2024-01-01");
      assertThat(request.getPeriod().getEndDate()).isEqualTo("2024-01-31");
    }

    @Test
    void fillRepeatedFieldsFromRepeatedParameters() throws Exception {
      var rule = HttpRule.newBuilder().setGet("/v1/personas:draft").build();

      DynamicMessage message = build(customBinding("CreatePersona", rule), Map.of(),
          query("persona.goals", "save time", "persona.goals", "pay less", "persona.demographics.ageMin", "30"), "");

      var persona = CreatePersonaRequest.parseFrom(message.toByteString()).getPersona();
      assertThat(persona.getGoalsList()).containsExactly("save time", "pay less");
      assertThat(persona.getDemographics().getAgeMin()).isEqualTo(30);
    }

    @Test
    void convertNumbers() throws Exception {
      DynamicMessage message = build(binding("ListSurveys"), Map.of(), query("pageSize", "50", "pageToken", "abc"), "");

      var request = ListSurveysRequest.parseFrom(message.toByteString());
      assertThat(request.getPageSize()).isEqualTo(50);
      assertThat(request.getPageToken()).isEqualTo("abc");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
      assertThat(violations(binding("ListSurveys"), Map.of(), query("pageSize", "many"), ""))
          .extracting(FieldViolation::field).containsExactly("pageSize");
    }

    @Test
    void rejectsUnknownParameters() {
      assertThat(violations(binding("ListSurveys"), Map.of(), query("colour", "blue"), ""))
          .extracting(FieldViolation::field).containsExactly("colour");
    }

    @Test
    void rejectsASingleValuedParameterGivenTwice() {
      assertThat(violations(binding("ListSurveys"), Map.of(), query("pageSize", "1", "pageSize", "2"), ""))
          .extracting(FieldViolation::field).containsExactly("pageSize");
    }

    @Test
    void rejectsParametersForFieldsThePathSets() {
      assertThat(violations(binding("GetSurvey"), Map.of("survey_id", "s1"), query("surveyId", "s2"), ""))
          .extracting(FieldViolation::message).singleElement().asString().contains("URL path");
    }

    @Test
    void rejectsParametersWhenTheWholeRequestIsTheBody() {
      assertThat(violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query("channel", "CHANNEL_QR"), "{}"))
          .extracting(FieldViolation::field).containsExactly("channel");
    }

    @Test
    void rejectsParametersThatNameAWholeMessage() {
      assertThat(violations(binding("GetNps"), Map.of("survey_id", "s1"), query("period", "x"), ""))
          .extracting(FieldViolation::field).containsExactly("period");
    }
  }

  @Nested
  class Body {

    @Test
    void fillsTheWholeRequestForBodyStar() throws Exception {
      DynamicMessage message = build(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), """
          {"answers": [{"questionId": "nps", "score": 9}, {"question_id": "why", "text": "fast"}],
           "channel": "CHANNEL_QR", "idempotency_key": "k-1", "surveyId": "ignored"}""");

      var request = SubmitResponseRequest.parseFrom(message.toByteString());
      assertThat(request.getSurveyId()).isEqualTo("s1");
      assertThat(request.getChannel()).isEqualTo(Channel.CHANNEL_QR);
      assertThat(request.getIdempotencyKey()).isEqualTo("k-1");
      assertThat(request.getAnswersList()).containsExactly(
          Answer.newBuilder().setQuestionId("nps").setScore(9).build(),
          Answer.newBuilder().setQuestionId("why").setText("fast").build());
    }

    @Test
    void fillsOneFieldWhenTheRuleNamesIt() throws Exception {
      DynamicMessage message = build(binding("CreateSurvey"), Map.of(), query(), """
          {"title": "Delivery", "questions": [{"kind": "QUESTION_KIND_NPS", "text": "Recommend us?"}],
           "createTime": "2024-05-01T10:00:00Z"}""");

      var survey = CreateSurveyRequest.parseFrom(message.toByteString()).getSurvey();
      assertThat(survey.getTitle()).isEqualTo("Delivery");
      assertThat(survey.getQuestions(0).getKindValue()).isEqualTo(1);
      assertThat(survey.getCreateTime().getSeconds()).isEqualTo(1_714_557_600L);
    }

    @Test
    void acceptsEnumNumbersAndNumbersAsStrings() throws Exception {
      DynamicMessage message = build(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"channel\": 9, \"answers\": [{\"score\": \"7\"}]}");

      var request = SubmitResponseRequest.parseFrom(message.toByteString());
      assertThat(request.getChannel()).isEqualTo(Channel.CHANNEL_QR);
      assertThat(request.getAnswers(0).getScore()).isEqualTo(7);
    }

    @Test
    void treatsNullAsTheDefault() throws Exception {
      DynamicMessage message = build(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"channel\": null, \"idempotencyKey\": null}");

      assertThat(SubmitResponseRequest.parseFrom(message.toByteString()).getChannel()).isEqualTo(Channel.CHANNEL_UNSPECIFIED);
    }

    @Test
    void namesTheFieldOfAWrongType() {
      var violations = violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"answers\": [{\"questionId\": \"nps\", \"score\": \"high\"}]}");

      assertThat(violations).extracting(FieldViolation::field).containsExactly("answers[0].score");
    }

    @Test
    void namesUnknownFieldsWithTheirPath() {
      var violations = violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"answers\": [{}, {\"questionId\": \"q\", \"grade\": 3}], \"colour\": \"red\"}");

      assertThat(violations).extracting(FieldViolation::field).containsExactly("answers[1].grade", "colour");
    }

    @Test
    void prefixesViolationsWithTheBodyField() {
      var violations = violations(binding("CreateSurvey"), Map.of(), query(),
          "{\"title\": 12, \"createTime\": \"yesterday\"}");

      assertThat(violations).extracting(FieldViolation::field).containsExactly("survey.title", "survey.createTime");
    }

    @Test
    void rejectsIntegersOutOfRangeAndFractions() {
      var violations = violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"answers\": [{\"score\": 3000000000}, {\"score\": 1.5}, {\"score\": 2.0}]}");

      assertThat(violations).extracting(FieldViolation::field).containsExactly("answers[0].score", "answers[1].score");
    }

    @Test
    void rejectsUnknownEnumNames() {
      assertThat(violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "{\"channel\": \"CARRIER_PIGEON\"}"))
          .singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("channel");
            assertThat(v.message()).contains("CHANNEL_QR");
          });
    }

    @Test
    void rejectsTwoMembersOfAOneof() {
      assertThat(violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"answers\": [{\"score\": 3, \"text\": \"and words\"}]}"))
          .extracting(FieldViolation::field).containsExactly("answers[0].text");
    }

    @Test
    void rejectsAFieldGivenByBothItsNames() {
      assertThat(violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"idempotencyKey\": \"a\", \"idempotency_key\": \"b\"}"))
          .extracting(FieldViolation::field).containsExactly("idempotencyKey");
    }

    @Test
    void rejectsAnObjectWhereAnArrayBelongs() {
      assertThat(violations(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "{\"answers\": {}}"))
          .extracting(FieldViolation::field).containsExactly("answers");
    }

    @Test
    void rejectsMalformedJson() {
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "{\"answers\": [",
          MediaType.APPLICATION_JSON);

      assertThat(problem.status()).isEqualTo(400);
      assertThat(problem.detail()).contains("not valid JSON");
    }

    @Test
    void rejectsDuplicateKeys() {
      assertThat(problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"channel\": 1, \"channel\": 2}", MediaType.APPLICATION_JSON).status()).isEqualTo(400);
    }

    @Test
    void rejectsBodiesThatAreNotJson() {
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "score=9",
          MediaType.APPLICATION_FORM_URLENCODED);

      assertThat(problem.status()).isEqualTo(415);
    }

    @Test
    void acceptsJsonWithoutContentTypeAndAnEmptyBody() throws Exception {
      assertThat(SubmitResponseRequest.parseFrom(
          factory.build(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "{\"channel\":2}".getBytes(StandardCharsets.UTF_8), null)
              .toByteString()).getChannel()).isEqualTo(Channel.CHANNEL_EMAIL);
      assertThat(SubmitResponseRequest.parseFrom(build(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "")
          .toByteString()).getSurveyId()).isEqualTo("s1");
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), "[1, 2]",
          MediaType.APPLICATION_JSON);

      assertThat(problem.status()).isEqualTo(400);
      assertThat(problem.detail()).contains("JSON object");
    }

    @Test
    void listsAtMostAHundredViolationsAndTheirNumber() {
      var body = new StringBuilder("{");
      for (int i = 0; i < 180; i++) {
        body.append(i == 0 ? "" : ",").append("\"unknown").append(i).append("\": 1");
      }
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(), body + "}",
          MediaType.APPLICATION_JSON);

      assertThat(problem.errors()).hasSize(100);
      assertThat(problem.totalErrors()).isEqualTo(180);
      assertThat(problem.detail()).contains("180 invalid fields");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"channel\": true, \"answers\": [{\"score\": []}]}", MediaType.APPLICATION_JSON);

      assertThat(problem.errors()).extracting(FieldViolation::field).containsExactlyInAnyOrder("channel", "answers[0].score");
      assertThat(problem.detail()).contains("2 invalid fields");
    }

    @Test
    void refusesANulAndALoneSurrogateNamingTheField() {
      Problem problem = problem(binding("SubmitPublicResponse"), Map.of("token", "t1"), query(),
          "{\"answers\": [{\"questionId\": \"why\", \"text\": \"x\\ud800y\"}, "
              + "{\"questionId\": \"a\\u0000b\"}], \"context\": {\"orderId\": \"ok \\ud83d\\udc4b\"}}",
          MediaType.APPLICATION_JSON);

      assertThat(problem.errors()).extracting(FieldViolation::field)
          .containsExactlyInAnyOrder("answers[0].text", "answers[1].questionId");
      assertThat(problem.errors()).extracting(FieldViolation::message)
          .anySatisfy(m -> assertThat(m).contains("surrogate"))
          .anySatisfy(m -> assertThat(m).contains("NUL"));
    }

    @Test
    void namesTheFieldOfASingleViolationInTheDetailWithItsJsonName() {
      Problem problem = problem(binding("SubmitResponse"), Map.of("survey_id", "s1"), query(),
          "{\"answers\": [{\"score\": \"ten\"}]}", MediaType.APPLICATION_JSON);

      assertThat(problem.detail()).startsWith("answers[0].score: ");
      assertThat(problem.totalErrors()).isEqualTo(1);
    }
  }

  @Nested
  class RawBodies {

    @Test
    void passTheBytesAndTheirContentTypeIntoTheHttpBodyField() throws Exception {
      byte[] ndjson = "{\"eventId\":\"e1\"}\n{not json, the service reports it}\n".getBytes(StandardCharsets.UTF_8);

      DynamicMessage message = factory.build(binding("ImportEvents"), Map.of(), query(), ndjson,
          MediaType.parseMediaType("application/x-ndjson"));

      var request = ImportEventsRequest.parseFrom(message.toByteString());
      assertThat(request.getBody().getContentType()).isEqualTo("application/x-ndjson");
      assertThat(request.getBody().getData().toByteArray()).isEqualTo(ndjson);
    }

    @Test
    void leaveTheContentTypeEmptyWhenNoneIsDeclared() throws Exception {
      byte[] bytes = {(byte) 0xff, 0, 1};

      DynamicMessage message = factory.build(binding("ImportEvents"), Map.of(), query(), bytes, null);

      var request = ImportEventsRequest.parseFrom(message.toByteString());
      assertThat(request.getBody().getContentType()).isEmpty();
      assertThat(request.getBody().getData().toByteArray()).isEqualTo(bytes);
    }

    @Test
    void areRecognisedFromTheBodyFieldType() {
      assertThat(binding("ImportEvents").takesRawBody()).isTrue();
      assertThat(binding("RecordEvents").takesRawBody()).isFalse();
    }
  }

  private DynamicMessage build(HttpBinding binding, Map<String, String> path, MultiValueMap<String, String> query,
      String body) {
    return factory.build(binding, path, query, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
  }

  private java.util.List<FieldViolation> violations(HttpBinding binding, Map<String, String> path,
      MultiValueMap<String, String> query, String body) {
    Problem problem = problem(binding, path, query, body, MediaType.APPLICATION_JSON);
    assertThat(problem.status()).isEqualTo(400);
    return problem.errors();
  }

  private Problem problem(HttpBinding binding, Map<String, String> path, MultiValueMap<String, String> query,
      String body, MediaType type) {
    ProblemException thrown = catchThrowableOfType(ProblemException.class,
        () -> factory.build(binding, path, query, body.getBytes(StandardCharsets.UTF_8), type));
    assertThat(thrown).as("the request should be refused").isNotNull();
    return thrown.problem();
  }

  private static MultiValueMap<String, String> query(String... namesAndValues) {
    var query = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }
}
