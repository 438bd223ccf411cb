package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.ChoiceSelection;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.ListSurveysRequest;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import io.cxhub.proto.survey.v1.SurveyState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * survey-service started as an application (real gRPC server on a random port, real driver
 * against the embedded MongoDB), called over a real Netty channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyServiceIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private MongoClient client;
  private MongoDatabase db;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    // the relay is exercised by SurveyToMetricsIT; here responses simply stay pending
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false",
        "cx.survey.relay.lag-refresh=0s");
    channel = TestServices.channel(TestServices.grpcPort(app));
    client = MongoClients.create(mongo.connectionString("cx_survey"));
    db = client.getDatabase("cx_survey");
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    mongo.close();
  }

  private SurveyServiceBlockingStub anonymous() {
    return SurveyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private SurveyServiceBlockingStub tenant(String tenant) {
    return asTenant(anonymous(), tenant);
  }

  private static Question nps() {
    return Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_NPS).setText("Recommend us?").setRequired(true).build();
  }

  private static Survey.Builder surveyWith(Question... questions) {
    return Survey.newBuilder()
        .setTitle("After delivery")
        .setState(SurveyState.SURVEY_STATE_ACTIVE)
        .addAllQuestions(List.of(questions));
  }

  private Survey create(String tenant, Question... questions) {
    return tenant(tenant).createSurvey(CreateSurveyRequest.newBuilder().setSurvey(surveyWith(questions)).build());
  }

  private Survey fullSurvey(String tenant) {
    return create(tenant,
        nps(),
        Question.newBuilder().setQuestionId("ces").setKind(QuestionKind.QUESTION_KIND_CES).setText("Easy?").build(),
        Question.newBuilder().setQuestionId("pick").setKind(QuestionKind.QUESTION_KIND_SINGLE_CHOICE).setText("Why?")
            .addChoices(Choice.newBuilder().setChoiceId("price").setLabel("Price"))
            .addChoices(Choice.newBuilder().setChoiceId("speed").setLabel("Speed")).build(),
        Question.newBuilder().setQuestionId("comment").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT).setText("Anything else?").build());
  }

  private static Answer score(String question, int score) {
    return Answer.newBuilder().setQuestionId(question).setScore(score).build();
  }

  private static SubmitResponseRequest submission(String surveyId, Answer... answers) {
    return SubmitResponseRequest.newBuilder().setSurveyId(surveyId).addAllAnswers(List.of(answers)).build();
  }

  private static Status.Code code(Runnable call) {
    var e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("expected the call to fail").isNotNull();
    return e.getStatus().getCode();
  }

  @Nested
  class Tenancy {

    @Test
    void tenantScopedCallsWithoutTenantAreUnauthenticated() {
      var request = CreateSurveyRequest.newBuilder().setSurvey(surveyWith(nps())).build();
      assertThat(code(() -> anonymous().createSurvey(request))).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(code(() -> anonymous().getSurvey(GetSurveyRequest.newBuilder().setSurveyId("x").build())))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(code(() -> anonymous().listSurveys(ListSurveysRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void malformedTenantIsUnauthenticated() {
      assertThat(code(() -> tenant("NOT A TENANT").listSurveys(ListSurveysRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    /** Respondents answer through a distribution token; the survey-id route is for partners. */
    @Test
    void submitResponseNeedsTheCallersTenant() {
      var survey = create("acme", nps());
      assertThat(code(() -> anonymous().submitResponse(submission(survey.getSurveyId(), score("q1", 9)))))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aPartnerSendsTheFullRespondentContext() {
      var survey = create("acme", nps());
      var response = tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
          .setContext(io.cxhub.proto.survey.v1.RespondentContext.newBuilder().setCustomerId("cust-42")
              .setOrderId("order-7").setLocale("fr-FR").putMetadata("crm", "salesforce"))
          .build());

      assertThat(response.getContext().getCustomerId()).isEqualTo("cust-42");
      assertThat(response.getContext().getMetadataMap()).containsEntry("crm", "salesforce");
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").submitResponse(
          submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
              .setContext(io.cxhub.proto.survey.v1.RespondentContext.newBuilder().setCustomerId("x".repeat(129)))
              .build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void anotherTenantsSurveyLooksExactlyLikeAMissingOne() {
      var survey = create("acme", nps());
      var foreign = catchThrowableOfType(StatusRuntimeException.class,
          () -> tenant("globex").getSurvey(GetSurveyRequest.newBuilder().setSurveyId(survey.getSurveyId()).build()));
      var missing = catchThrowableOfType(StatusRuntimeException.class,
          () -> tenant("globex").getSurvey(GetSurveyRequest.newBuilder().setSurveyId("no-such-survey").build()));

      assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(foreign.getStatus().getDescription())
          .isEqualTo(missing.getStatus().getDescription().replace("no-such-survey", survey.getSurveyId()));
    }

    @Test
    void submittingWithAnotherTenantIsNotFound() {
      var survey = create("acme", nps());
      assertThat(code(() -> tenant("globex").submitResponse(submission(survey.getSurveyId(), score("q1", 9)))))
          .isEqualTo(Status.Code.NOT_FOUND);
      assertThat(tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9))).getResponseId())
          .isNotEmpty();
    }

    @Test
    void listingShowsOnlyTheCallersSurveys() {
      var mine = create("initech", nps());
      create("umbrella", nps());
      assertThat(tenant("initech").listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList())
          .extracting(Survey::getSurveyId).containsExactly(mine.getSurveyId());
    }
  }

  @Nested
  class Surveys {

    @Test
    void createsAnActiveFirstVersionWhenAskedWithGeneratedIdsAndDefaultScales() {
      var survey = create("acme", nps(),
          Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_CES).setText("Easy?").build());

      assertThat(survey.getSurveyId()).hasSize(26);
      assertThat(survey.getState()).isEqualTo(SurveyState.SURVEY_STATE_ACTIVE);
      assertThat(survey.getVersion()).isEqualTo(1);
      assertThat(survey.getQuestionsList()).extracting(Question::getQuestionId).containsExactly("q1", "q2");
      assertThat(survey.getQuestions(0).getScaleMax()).isEqualTo(10);
      assertThat(survey.getQuestions(1).getScaleMin()).isEqualTo(1);
      assertThat(survey.getQuestions(1).getScaleMax()).isEqualTo(7);
      assertThat(survey.getCreateTime().getSeconds()).isPositive();

      var read = tenant("acme").getSurvey(GetSurveyRequest.newBuilder().setSurveyId(survey.getSurveyId()).build());
      assertThat(read).isEqualTo(survey);

      Document stored = db.getCollection("surveys").find(Filters.eq("_id", survey.getSurveyId())).first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("tenantId")).isEqualTo("acme");
    }

    @Test
    void invalidSurveyIsRejectedNamingEveryField() {
      var bad = Survey.newBuilder()
          .setTitle("")
          .addQuestions(Question.newBuilder().setQuestionId("Bad Id").setKind(QuestionKind.QUESTION_KIND_RATING).setText("Rate").setScaleMax(11))
          .addQuestions(Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_SINGLE_CHOICE).setText("Pick")
              .addChoices(Choice.newBuilder().setChoiceId("a").setLabel("A")))
          .build();
      var e = catchThrowableOfType(StatusRuntimeException.class,
          () -> tenant("acme").createSurvey(CreateSurveyRequest.newBuilder().setSurvey(bad).build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactlyInAnyOrder(
          "survey.title",
          "survey.questions[0].question_id",
          "survey.questions[0].scale_max",
          "survey.questions[1].choices");
    }

    @Test
    void missingSurveyIsInvalid() {
      var e = catchThrowableOfType(StatusRuntimeException.class,
          () -> tenant("acme").createSurvey(CreateSurveyRequest.getDefaultInstance()));
      assertThat(violatedFields(e)).containsExactly("survey");
    }

    @Test
    void listsNewestFirstOnePageAtATime() {
      var created = new ArrayList<String>();
      for (int i = 0; i < 5; i++) {
        created.add(create("pager", nps()).getSurveyId());
      }
      var seen = new ArrayList<String>();
      String token = "";
      int pages = 0;
      do {
        var page = tenant("pager").listSurveys(ListSurveysRequest.newBuilder().setPageSize(2).setPageToken(token).build());
        page.getSurveysList().forEach(s -> seen.add(s.getSurveyId()));
        token = page.getNextPageToken();
        pages++;
      } while (!token.isEmpty());

      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
      // newest first: create times never increase along the pages
      var all = tenant("pager").listSurveys(ListSurveysRequest.newBuilder().setPageSize(10).build()).getSurveysList();
      assertThat(all).extracting(Survey::getSurveyId).containsExactlyElementsOf(seen);
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i).getCreateTime().getSeconds() * 1000 + all.get(i).getCreateTime().getNanos() / 1_000_000)
            .isLessThanOrEqualTo(all.get(i - 1).getCreateTime().getSeconds() * 1000 + all.get(i - 1).getCreateTime().getNanos() / 1_000_000);
      }
    }

    @Test
    void badPageTokenIsInvalid() {
      var e = catchThrowableOfType(StatusRuntimeException.class,
          () -> tenant("acme").listSurveys(ListSurveysRequest.newBuilder().setPageToken("garbage").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("page_token");
    }
  }

  @Nested
  class Responses {

    @Test
    void storesTheResponseWithVersionKindsScalesAndAPendingOutbox() {
      var survey = fullSurvey("acme");
      var response = tenant("acme").submitResponse(SubmitResponseRequest.newBuilder()
          .setSurveyId(survey.getSurveyId())
          .addAnswers(score("q1", 10))
          .addAnswers(score("ces", 2))
          .addAnswers(Answer.newBuilder().setQuestionId("pick").setChoices(ChoiceSelection.newBuilder().addChoiceIds("speed")))
          .addAnswers(Answer.newBuilder().setQuestionId("comment").setText("Quick"))
          .build());

      assertThat(response.getSurveyId()).isEqualTo(survey.getSurveyId());
      assertThat(response.getSurveyVersion()).isEqualTo(1);
      assertThat(response.getChannel()).isEqualTo(Channel.CHANNEL_LINK);
      assertThat(response.getAnswersCount()).isEqualTo(4);

      Document stored = db.getCollection("responses")
          .find(Filters.eq("_id", "acme:" + response.getResponseId())).first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("tenantId")).isEqualTo("acme");
      assertThat(stored.getInteger("surveyVersion")).isEqualTo(1);
      assertThat(stored.getString("channel")).isEqualTo("LINK");
      var answers = stored.getList("answers", Document.class);
      assertThat(answers.get(1)).containsEntry("kind", "CES").containsEntry("scaleMin", 1).containsEntry("scaleMax", 7)
          .containsEntry("score", 2);
      var outbox = stored.get("outbox", Document.class);
      assertThat(outbox.keySet()).containsExactlyInAnyOrder("metrics", "alerts");
      assertThat(outbox.get("metrics", Document.class)).containsEntry("state", "PENDING").containsEntry("attempts", 0)
          .containsKey("due");
    }

    @Test
    void invalidAnswersAreRejectedNamingEachField() {
      var survey = fullSurvey("acme");
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").submitResponse(
          SubmitResponseRequest.newBuilder()
              .setSurveyId(survey.getSurveyId())
              .addAnswers(score("ces", 8))
              .addAnswers(Answer.newBuilder().setQuestionId("pick").setChoices(ChoiceSelection.newBuilder().addChoiceIds("nope")))
              .addAnswers(score("ghost", 1))
              .addAnswers(score("ces", 1))
              .build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly(
          "answers[0].score",
          "answers[1].choices.choice_ids[0]",
          "answers[2].question_id",
          "answers[3].question_id",
          "answers");
    }

    @Test
    void aReplayWithTheSameKeyReturnsTheFirstResponse() {
      var survey = create("acme", nps());
      var first = tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
          .setIdempotencyKey("order-42").build());
      var replay = tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
          .setIdempotencyKey("order-42").build());

      assertThat(replay).isEqualTo(first);
      assertThat(db.getCollection("responses").countDocuments(Filters.eq("surveyId", survey.getSurveyId()))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherPayloadIsRefusedAsOnTheTokenRoute() {
      var survey = create("acme", nps());
      var first = tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
          .setIdempotencyKey("order-43").build());
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").submitResponse(
          submission(survey.getSurveyId(), score("q1", 2)).toBuilder().setIdempotencyKey("order-43").build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
      assertThat(db.getCollection("responses").countDocuments(Filters.eq("surveyId", survey.getSurveyId()))).isEqualTo(1);
      assertThat(db.getCollection("responses").find(Filters.eq("surveyId", survey.getSurveyId())).first())
          .containsEntry("responseId", first.getResponseId());
    }

    @Test
    void tooLongIdempotencyKeyIsInvalid() {
      var survey = create("acme", nps());
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").submitResponse(
          submission(survey.getSurveyId(), score("q1", 9)).toBuilder().setIdempotencyKey("k".repeat(129)).build()));
      assertThat(violatedFields(e)).containsExactly("idempotency_key");
    }

    @Test
    void unknownSurveyIsNotFound() {
      assertThat(code(() -> tenant("acme").submitResponse(submission("no-such-survey", score("q1", 9)))))
          .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void closedSurveyIsAFailedPrecondition() {
      var survey = create("acme", nps());
      db.getCollection("surveys").updateOne(Filters.eq("_id", survey.getSurveyId()), Updates.set("state", "CLOSED"));

      assertThat(code(() -> tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)))))
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void theOutboxLagGaugesCountPendingResponses() {
      var survey = create("lagging", nps());
      tenant("lagging").submitResponse(submission(survey.getSurveyId(), score("q1", 9)));
      var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);

      // the relay is off in this test, so everything accepted so far is still pending
      assertThat(registry.get("cx.outbox.pending").tag("subscriber", "metrics").gauge().value()).isGreaterThanOrEqualTo(1);
      assertThat(registry.get("cx.outbox.oldest.age").tag("subscriber", "metrics").gauge().value())
          .isGreaterThanOrEqualTo(0);
    }

    @Test
    void keepsTheGivenChannel() {
      var survey = create("acme", nps());
      var response = tenant("acme").submitResponse(submission(survey.getSurveyId(), score("q1", 9)).toBuilder()
          .setChannel(Channel.CHANNEL_QR).build());
      assertThat(response.getChannel()).isEqualTo(Channel.CHANNEL_QR);
    }
  }
}
