package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import io.cxhub.proto.survey.v1.ActivateSurveyRequest;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.CloseSurveyRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyVersionRequest;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyDefinitionServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyDefinitionServiceGrpc.SurveyDefinitionServiceBlockingStub;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import io.cxhub.proto.survey.v1.SurveyState;
import io.cxhub.proto.survey.v1.UpdateSurveyRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Survey definitions end to end: survey-service and the real journey-service over gRPC
 * against the embedded MongoDB, plus a second survey-service whose journey-service is
 * unreachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyDefinitionIT {

  private static final String TENANT = "acme";

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext journeyApp;
  private ConfigurableApplicationContext surveyApp;
  private ConfigurableApplicationContext surveyWithoutJourneyApp;
  private ManagedChannel journeyChannel;
  private ManagedChannel surveyChannel;
  private ManagedChannel surveyWithoutJourneyChannel;
  private MongoClient client;
  private MongoDatabase db;
  private Journey journey;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    journeyApp = TestServices.startJourney(mongo, "cx_journey");
    int journeyPort = TestServices.grpcPort(journeyApp);
    surveyApp = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false",
        "cx.peers.journey=localhost:" + journeyPort);
    surveyWithoutJourneyApp = TestServices.startSurvey(mongo, "cx_survey", "localhost:1",
        "cx.survey.relay.enabled=false", "cx.peers.journey=localhost:" + TestServices.freePort());
    journeyChannel = TestServices.channel(journeyPort);
    surveyChannel = TestServices.channel(TestServices.grpcPort(surveyApp));
    surveyWithoutJourneyChannel = TestServices.channel(TestServices.grpcPort(surveyWithoutJourneyApp));
    client = MongoClients.create(mongo.connectionString("cx_survey"));
    db = client.getDatabase("cx_survey");
    journey = asTenant(JourneyServiceGrpc.newBlockingStub(journeyChannel), TENANT)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .createJourney(CreateJourneyRequest.newBuilder().setJourney(Journey.newBuilder()
            .setName("Achat en ligne")
            .addStages(Stage.newBuilder().setStageId("achat").setName("Achat")
                .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("paiement").setName("Page de paiement")
                    .setChannel(Channel.CHANNEL_WEB_WIDGET)))
            .addStages(Stage.newBuilder().setStageId("livraison").setName("Livraison")
                .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("suivi").setName("Suivi")
                    .setChannel(Channel.CHANNEL_EMAIL))))
            .build());
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (var channel : new ManagedChannel[] {journeyChannel, surveyChannel, surveyWithoutJourneyChannel}) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    surveyWithoutJourneyApp.close();
    surveyApp.close();
    journeyApp.close();
    client.close();
    mongo.close();
  }

  private SurveyServiceBlockingStub surveys(ManagedChannel channel) {
    return asTenant(SurveyServiceGrpc.newBlockingStub(channel), TENANT).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private SurveyDefinitionServiceBlockingStub definitions(ManagedChannel channel) {
    return asTenant(SurveyDefinitionServiceGrpc.newBlockingStub(channel), TENANT)
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static Survey.Builder bilingual() {
    return Survey.newBuilder()
        .setTitle("Votre livraison")
        .setDefaultLanguage("fr")
        .putTitleTranslations("en", "Your delivery")
        .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
            .setText("Recommanderiez-vous notre boutique ?").putTextTranslations("en", "Would you recommend us?")
            .setRequired(true))
        .addQuestions(Question.newBuilder().setQuestionId("why").setKind(QuestionKind.QUESTION_KIND_SINGLE_CHOICE)
            .setText("Pourquoi ?")
            .addChoices(Choice.newBuilder().setChoiceId("prix").setLabel("Le prix").putLabelTranslations("en", "Price"))
            .addChoices(Choice.newBuilder().setChoiceId("delai").setLabel("Le délai")));
  }

  /** Creates the survey as a draft unless the builder asks for another state. */
  private Survey create(Survey.Builder survey) {
    if (survey.getState() == SurveyState.SURVEY_STATE_UNSPECIFIED) {
      survey.setState(SurveyState.SURVEY_STATE_DRAFT);
    }
    return surveys(surveyChannel).createSurvey(CreateSurveyRequest.newBuilder().setSurvey(survey).build());
  }

  private static SubmitResponseRequest npsAnswer(String surveyId) {
    return SubmitResponseRequest.newBuilder().setSurveyId(surveyId)
        .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(9)).build();
  }

  private static StatusRuntimeException failure(Runnable call) {
    var e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("expected the call to fail").isNotNull();
    return e;
  }

  @Nested
  class Localization {

    @Test
    void keepsTheDefaultLanguageAndEveryTranslation() {
      var created = create(bilingual());

      var read = surveys(surveyChannel).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(created.getSurveyId()).build());
      assertThat(read.getDefaultLanguage()).isEqualTo("fr");
      assertThat(read.getTitleTranslationsMap()).containsEntry("en", "Your delivery");
      assertThat(read.getQuestions(0).getTextTranslationsMap()).containsEntry("en", "Would you recommend us?");
      assertThat(read.getQuestions(1).getChoices(0).getLabelTranslationsMap()).containsEntry("en", "Price");
      assertThat(read.getQuestions(1).getChoices(1).getLabel()).isEqualTo("Le délai");
    }

    @Test
    void englishIsTheDefaultLanguage() {
      assertThat(create(bilingual().clearDefaultLanguage()).getDefaultLanguage()).isEqualTo("en");
    }

    @Test
    void badLanguageCodesAreNamed() {
      var e = failure(() -> create(bilingual().setDefaultLanguage("French").putTitleTranslations("EN", "x")));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactlyInAnyOrder("survey.default_language", "survey.title_translations[EN]");
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void aDraftRefusesResponsesUntilActivated() {
      var draft = create(bilingual());
      assertThat(draft.getState()).isEqualTo(SurveyState.SURVEY_STATE_DRAFT);
      assertThat(failure(() -> surveys(surveyChannel).submitResponse(npsAnswer(draft.getSurveyId()))).getStatus().getCode())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);

      var active = definitions(surveyChannel).activateSurvey(
          ActivateSurveyRequest.newBuilder().setSurveyId(draft.getSurveyId()).build());

      assertThat(active.getState()).isEqualTo(SurveyState.SURVEY_STATE_ACTIVE);
      assertThat(surveys(surveyChannel).submitResponse(npsAnswer(draft.getSurveyId())).getSurveyVersion()).isEqualTo(1);
    }

    @Test
    void aClosedSurveyRefusesResponsesAndCannotBeReopenedOrEdited() {
      var survey = create(bilingual().setState(SurveyState.SURVEY_STATE_ACTIVE));
      var id = survey.getSurveyId();

      var closed = definitions(surveyChannel).closeSurvey(CloseSurveyRequest.newBuilder().setSurveyId(id).build());

      assertThat(closed.getState()).isEqualTo(SurveyState.SURVEY_STATE_CLOSED);
      assertThat(failure(() -> surveys(surveyChannel).submitResponse(npsAnswer(id))).getStatus().getCode())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(failure(() -> definitions(surveyChannel).activateSurvey(
          ActivateSurveyRequest.newBuilder().setSurveyId(id).build())).getStatus().getCode())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(failure(() -> definitions(surveyChannel).updateSurvey(UpdateSurveyRequest.newBuilder()
          .setSurvey(Survey.newBuilder().setSurveyId(id).setTitle("Autre"))
          .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build())).getStatus().getCode())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
      // closing again is a harmless retry
      assertThat(definitions(surveyChannel).closeSurvey(CloseSurveyRequest.newBuilder().setSurveyId(id).build())
          .getState()).isEqualTo(SurveyState.SURVEY_STATE_CLOSED);
    }

    @Test
    void aClosedStateOnCreateIsInvalid() {
      var e = failure(() -> create(bilingual().setState(SurveyState.SURVEY_STATE_CLOSED)));

      assertThat(violatedFields(e)).containsExactly("survey.state");
    }
  }

  @Nested
  class Versions {

    @Test
    void editingADraftChangesItInPlace() {
      var draft = create(bilingual());

      var edited = definitions(surveyChannel).updateSurvey(UpdateSurveyRequest.newBuilder()
          .setSurvey(Survey.newBuilder().setSurveyId(draft.getSurveyId()).setTitle("Votre colis"))
          .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());

      assertThat(edited.getVersion()).isEqualTo(1);
      assertThat(edited.getTitle()).isEqualTo("Votre colis");
      assertThat(edited.getQuestionsCount()).isEqualTo(2);
      assertThat(edited.getTitleTranslationsMap()).containsEntry("en", "Your delivery");
    }

    @Test
    void editingAnActiveSurveyCreatesANewVersionAndKeepsTheOldOne() {
      var v1 = create(bilingual().setState(SurveyState.SURVEY_STATE_ACTIVE));
      var id = v1.getSurveyId();
      var firstResponse = surveys(surveyChannel).submitResponse(npsAnswer(id));

      var v2 = definitions(surveyChannel).updateSurvey(UpdateSurveyRequest.newBuilder()
          .setSurvey(bilingual().setSurveyId(id)
              .setQuestions(0, bilingual().getQuestions(0).toBuilder().setText("Nous recommanderiez-vous ?")))
          .setUpdateMask(FieldMask.newBuilder().addPaths("questions")).build());

      assertThat(v2.getVersion()).isEqualTo(2);
      assertThat(v2.getState()).isEqualTo(SurveyState.SURVEY_STATE_ACTIVE);
      assertThat(firstResponse.getSurveyVersion()).isEqualTo(1);
      assertThat(surveys(surveyChannel).submitResponse(npsAnswer(id)).getSurveyVersion()).isEqualTo(2);
      var kept = definitions(surveyChannel).getSurveyVersion(
          GetSurveyVersionRequest.newBuilder().setSurveyId(id).setVersion(1).build());
      assertThat(kept.getVersion()).isEqualTo(1);
      assertThat(kept.getQuestions(0).getText()).isEqualTo("Recommanderiez-vous notre boutique ?");
      assertThat(definitions(surveyChannel).getSurveyVersion(
          GetSurveyVersionRequest.newBuilder().setSurveyId(id).setVersion(2).build()).getQuestions(0).getText())
          .isEqualTo("Nous recommanderiez-vous ?");
    }

    @Test
    void anUnknownMaskPathIsInvalid() {
      var draft = create(bilingual());

      var e = failure(() -> definitions(surveyChannel).updateSurvey(UpdateSurveyRequest.newBuilder()
          .setSurvey(Survey.newBuilder().setSurveyId(draft.getSurveyId()))
          .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()));

      assertThat(violatedFields(e)).containsExactly("update_mask");
    }
  }

  @Nested
  class JourneyLink {

    @Test
    void linksToAStageAndTouchpointThatExist() {
      var survey = create(bilingual()
          .setJourneyId(journey.getJourneyId()).setStageId("livraison").setTouchpointId("suivi"));

      assertThat(survey.getJourneyId()).isEqualTo(journey.getJourneyId());
      assertThat(survey.getStageId()).isEqualTo("livraison");
      assertThat(survey.getTouchpointId()).isEqualTo("suivi");
    }

    @Test
    void responsesCarryTheStageAndTouchpointTheirSurveyMeasures() {
      var survey = create(bilingual().setState(SurveyState.SURVEY_STATE_ACTIVE)
          .setJourneyId(journey.getJourneyId()).setStageId("livraison").setTouchpointId("suivi"));

      var response = surveys(surveyChannel).submitResponse(npsAnswer(survey.getSurveyId()));

      // stamped in the single insert: alert rules and filters on a stage or touchpoint read it
      var stored = client.getDatabase("cx_survey").getCollection("responses")
          .find(com.mongodb.client.model.Filters.eq("responseId", response.getResponseId())).first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("stageId")).isEqualTo("livraison");
      assertThat(stored.getString("touchpointId")).isEqualTo("suivi");
      assertThat(stored.getString("journeyId")).isEqualTo(journey.getJourneyId());
    }

    @Test
    void anUnknownStageOrTouchpointIsNamed() {
      var e = failure(() -> create(bilingual()
          .setJourneyId(journey.getJourneyId()).setStageId("retour").setTouchpointId("paiement")));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("survey.stage_id");

      var wrongStage = failure(() -> create(bilingual()
          .setJourneyId(journey.getJourneyId()).setStageId("livraison").setTouchpointId("paiement")));
      assertThat(violatedFields(wrongStage)).containsExactly("survey.touchpoint_id");
    }

    @Test
    void anotherTenantsJourneyIsUnknown() {
      var e = failure(() -> asTenant(SurveyServiceGrpc.newBlockingStub(surveyChannel), "globex")
          .createSurvey(CreateSurveyRequest.newBuilder()
              .setSurvey(bilingual().setJourneyId(journey.getJourneyId())).build()));

      assertThat(violatedFields(e)).containsExactly("survey.journey_id");
    }

    @Test
    void journeyServiceDownFailsTheEditRetryablyAndStoresNothing() {
      long before = db.getCollection("surveys").countDocuments();
      var e = failure(() -> surveys(surveyWithoutJourneyChannel).createSurvey(CreateSurveyRequest.newBuilder()
          .setSurvey(bilingual().setJourneyId(journey.getJourneyId()).setStageId("achat")).build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(e.getStatus().getDescription()).contains("journey-service").contains("retry");
      assertThat(db.getCollection("surveys").countDocuments()).isEqualTo(before);

      var draft = create(bilingual());
      var update = failure(() -> definitions(surveyWithoutJourneyChannel).updateSurvey(UpdateSurveyRequest.newBuilder()
          .setSurvey(Survey.newBuilder().setSurveyId(draft.getSurveyId())
              .setJourneyId(journey.getJourneyId()).setStageId("achat"))
          .setUpdateMask(FieldMask.newBuilder().addPaths("journey_id").addPaths("stage_id")).build()));
      assertThat(update.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      var stored = db.getCollection("surveys").find(Filters.eq("_id", draft.getSurveyId())).first();
      assertThat(stored.getString("journeyId")).isEmpty();
      assertThat(stored.getDate("updateTime").toInstant().toEpochMilli())
          .isEqualTo(draft.getUpdateTime().getSeconds() * 1000 + draft.getUpdateTime().getNanos() / 1_000_000);
    }
  }
}
