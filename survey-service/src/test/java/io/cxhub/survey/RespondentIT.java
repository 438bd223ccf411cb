package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Branding;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.ChoiceSelection;
import io.cxhub.proto.survey.v1.CloseSurveyRequest;
import io.cxhub.proto.survey.v1.CreateDistributionRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.Distribution;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.DistributionStatus;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.LinkAvailability;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.RespondentContext;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc.RespondentServiceBlockingStub;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyDefinitionServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyState;
import io.cxhub.proto.survey.v1.UpdateBrandingRequest;
import io.cxhub.proto.survey.v1.UpdateDistributionStatusRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public respondent API over real gRPC against the embedded MongoDB. Rate limits are the
 * gateway's (RateLimitGatewayFilterFactoryTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RespondentIT {

  private static final String TENANT = "acme";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private MongoClient client;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false");
    channel = TestServices.channel(TestServices.grpcPort(app));
    client = MongoClients.create(mongo.connectionString("cx_survey"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    mongo.close();
  }

  /** A respondent from its own address, as the gateway passes it on. */
  private RespondentServiceBlockingStub respondent() {
    return respondentAt("203.0.113." + ADDRESSES.incrementAndGet());
  }

  private RespondentServiceBlockingStub respondentAt(String address) {
    var headers = new Metadata();
    headers.put(Metadata.Key.of("x-client-address", Metadata.ASCII_STRING_MARSHALLER), address);
    return RespondentServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static Survey.Builder everyKind() {
    return Survey.newBuilder()
        .setTitle("Votre livraison").setDefaultLanguage("fr").putTitleTranslations("en", "Your delivery")
        .setState(SurveyState.SURVEY_STATE_ACTIVE)
        .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
            .setText("Recommanderiez-vous ?").putTextTranslations("en", "Would you recommend us?").setRequired(true))
        .addQuestions(Question.newBuilder().setQuestionId("csat").setKind(QuestionKind.QUESTION_KIND_CSAT)
            .setText("Satisfait ?"))
        .addQuestions(Question.newBuilder().setQuestionId("ces").setKind(QuestionKind.QUESTION_KIND_CES)
            .setText("Facile ?").setScaleMax(5))
        .addQuestions(Question.newBuilder().setQuestionId("rating").setKind(QuestionKind.QUESTION_KIND_RATING)
            .setText("Note").setScaleMin(1).setScaleMax(4))
        .addQuestions(Question.newBuilder().setQuestionId("one").setKind(QuestionKind.QUESTION_KIND_SINGLE_CHOICE)
            .setText("Pourquoi ?")
            .addChoices(Choice.newBuilder().setChoiceId("prix").setLabel("Le prix").putLabelTranslations("en", "Price"))
            .addChoices(Choice.newBuilder().setChoiceId("delai").setLabel("Le délai")))
        .addQuestions(Question.newBuilder().setQuestionId("many").setKind(QuestionKind.QUESTION_KIND_MULTIPLE_CHOICE)
            .setText("Quoi d'autre ?")
            .addChoices(Choice.newBuilder().setChoiceId("a").setLabel("A"))
            .addChoices(Choice.newBuilder().setChoiceId("b").setLabel("B")))
        .addQuestions(Question.newBuilder().setQuestionId("comment").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT)
            .setText("Un commentaire ?"));
  }

  private Survey survey(Survey.Builder builder) {
    return asTenant(SurveyServiceGrpc.newBlockingStub(channel), TENANT).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createSurvey(CreateSurveyRequest.newBuilder().setSurvey(builder).build());
  }

  private Distribution distribution(String surveyId, Channel channel, Instant expiry) {
    var d = Distribution.newBuilder().setChannel(channel);
    if (expiry != null) {
      d.setExpireTime(ProtoTimestamps.toProto(expiry));
    }
    return asTenant(DistributionServiceGrpc.newBlockingStub(this.channel), TENANT)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .createDistribution(CreateDistributionRequest.newBuilder().setSurveyId(surveyId).setDistribution(d).build());
  }

  private Distribution link(Channel channel) {
    return distribution(survey(everyKind()).getSurveyId(), channel, null);
  }

  private static Answer score(String question, int score) {
    return Answer.newBuilder().setQuestionId(question).setScore(score).build();
  }

  private static SubmitPublicResponseRequest.Builder answers(String token, Answer... answers) {
    return SubmitPublicResponseRequest.newBuilder().setToken(token).addAllAnswers(java.util.List.of(answers));
  }

  private static StatusRuntimeException failure(Runnable call) {
    var e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("expected the call to fail").isNotNull();
    return e;
  }

  @Nested
  class Reading {

    @Test
    void showsTheSurveyInTheAskedLanguageWithFallbacks() {
      var token = link(Channel.CHANNEL_QR).getToken();

      var en = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(token).setLang("en").build());
      assertThat(en.getLanguage()).isEqualTo("en");
      assertThat(en.getTitle()).isEqualTo("Your delivery");
      assertThat(en.getQuestions(0).getText()).isEqualTo("Would you recommend us?");
      // untranslated texts fall back to the default language
      assertThat(en.getQuestions(1).getText()).isEqualTo("Satisfait ?");
      assertThat(en.getQuestions(4).getChoicesList()).extracting(Choice::getLabel).containsExactly("Price", "Le délai");
      assertThat(en.getChannel()).isEqualTo(Channel.CHANNEL_QR);

      var header = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(token)
          .setAcceptLanguage("de-DE,de;q=0.9,en-GB;q=0.8").build());
      assertThat(header.getLanguage()).isEqualTo("en");

      var byDefault = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(token)
          .setAcceptLanguage("es").build());
      assertThat(byDefault.getLanguage()).isEqualTo("fr");
      assertThat(byDefault.getTitle()).isEqualTo("Votre livraison");
    }

    @Test
    void tellsThePageItsLanguagesAvailabilityBrandingAndKioskMode() {
      var survey = survey(everyKind());
      var distributions = asTenant(DistributionServiceGrpc.newBlockingStub(channel), TENANT)
          .withDeadlineAfter(10, TimeUnit.SECONDS);
      var plain = distribution(survey.getSurveyId(), Channel.CHANNEL_QR, null);
      var before = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(plain.getToken()).build());
      assertThat(before.getLanguagesList()).containsExactly("fr", "en");
      assertThat(before.getAvailability()).isEqualTo(LinkAvailability.LINK_AVAILABILITY_OPEN);
      assertThat(before.getKiosk()).isFalse();

      var badBranding = failure(() -> distributions.updateBranding(UpdateBrandingRequest.newBuilder()
          .setBranding(Branding.newBuilder().setColor("red").setLogoUrl("http://logo.example.com/a.png")
              .setReviewUrl("javascript:alert(1)")).build()));
      assertThat(badBranding.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(badBranding))
          .contains("branding.color", "branding.logo_url", "branding.review_url");
      distributions.updateBranding(UpdateBrandingRequest.newBuilder().setBranding(Branding.newBuilder()
          .setName("Maison Lumière").setColor("#E4572E").setLogoUrl("https://cdn.example.com/logo.png")
          .setReviewUrl("https://reviews.example.com/acme")).build());
      var kiosk = distributions.createDistribution(CreateDistributionRequest.newBuilder().setSurveyId(survey.getSurveyId())
          .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_KIOSK).setKiosk(true)
              .setReviewUrl("https://reviews.example.com/lyon")).build());
      assertThat(kiosk.getKiosk()).isTrue();

      var branded = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(plain.getToken()).build());
      assertThat(branded.getBranding().getName()).isEqualTo("Maison Lumière");
      assertThat(branded.getBranding().getColor()).isEqualTo("#e4572e");
      assertThat(branded.getBranding().getReviewUrl()).isEqualTo("https://reviews.example.com/acme");
      var atKiosk = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(kiosk.getToken()).build());
      assertThat(atKiosk.getKiosk()).isTrue();
      assertThat(atKiosk.getBranding().getReviewUrl()).as("the distribution's own link wins")
          .isEqualTo("https://reviews.example.com/lyon");

      distributions.updateDistributionStatus(UpdateDistributionStatusRequest.newBuilder()
          .setDistributionId(plain.getDistributionId()).setStatus(DistributionStatus.DISTRIBUTION_STATUS_PAUSED).build());
      assertThat(respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(plain.getToken()).build())
          .getAvailability()).isEqualTo(LinkAvailability.LINK_AVAILABILITY_PAUSED);
      distributions.updateDistributionStatus(UpdateDistributionStatusRequest.newBuilder()
          .setDistributionId(plain.getDistributionId()).setStatus(DistributionStatus.DISTRIBUTION_STATUS_REVOKED).build());
      assertThat(respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(plain.getToken()).build())
          .getAvailability()).isEqualTo(LinkAvailability.LINK_AVAILABILITY_CLOSED);
    }

    @Test
    void aWrongTokenIsNotFoundAndSaysNothingElse() {
      var e = failure(() -> respondent().getPublicSurvey(
          GetPublicSurveyRequest.newBuilder().setToken("abcdefghijklmnopqrstuvwxyz").build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(e.getStatus().getDescription()).doesNotContain(TENANT);
    }
  }

  @Nested
  class Submitting {

    @Test
    void recordsTheDistributionsChannelVersionAndContext() {
      var d = link(Channel.CHANNEL_SMS);

      var accepted = respondent().submitPublicResponse(answers(d.getToken(), score("nps", 9))
          .setContext(RespondentContext.newBuilder().setCustomerId("c-42").setOrderId("o-7").setLocale("fr-FR")
              .putMetadata("store", "Lyon"))
          .build());

      assertThat(accepted.getChannel()).isEqualTo(Channel.CHANNEL_SMS);
      assertThat(accepted.getDistributionId()).isEqualTo(d.getDistributionId());
      assertThat(accepted.getSurveyVersion()).isEqualTo(1);
      assertThat(accepted.getContext().getMetadataMap()).containsEntry("store", "Lyon");
      var stored = client.getDatabase("cx_survey").getCollection("responses")
          .find(Filters.eq("responseId", accepted.getResponseId())).first();
      assertThat(stored.getString("channel")).isEqualTo("SMS");
      assertThat(stored.get("context", org.bson.Document.class).getString("customerId")).isEqualTo("c-42");
      assertThat(stored.get("outbox", org.bson.Document.class).get("metrics", org.bson.Document.class)
          .getString("state")).isEqualTo("PENDING");
    }

    @Test
    void namesEveryBadAnswerOfEveryKind() {
      var d = link(Channel.CHANNEL_LINK);

      var e = failure(() -> respondent().submitPublicResponse(answers(d.getToken(),
              score("csat", 6),
              score("ces", 6),
              score("rating", 0),
              Answer.newBuilder().setQuestionId("one").setChoices(ChoiceSelection.newBuilder()
                  .addChoiceIds("prix").addChoiceIds("delai")).build(),
              Answer.newBuilder().setQuestionId("many").setChoices(ChoiceSelection.newBuilder()
                  .addChoiceIds("z")).build(),
              Answer.newBuilder().setQuestionId("comment").setText("x".repeat(5_001)).build(),
              Answer.newBuilder().setQuestionId("nowhere").setScore(1).build())
          .setContext(RespondentContext.newBuilder().putAllMetadata(tooManyKeys()))
          .build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly(
          "answers[0].score", "answers[1].score", "answers[2].score", "answers[3].choices.choice_ids",
          "answers[4].choices.choice_ids[0]", "answers[5].text", "answers[6].question_id", "answers",
          "context.metadata");
    }

    @Test
    void acceptsAValidAnswerOfEveryKind() {
      var d = link(Channel.CHANNEL_KIOSK);

      var accepted = respondent().submitPublicResponse(answers(d.getToken(),
          score("nps", 0), score("csat", 5), score("ces", 1), score("rating", 4),
          Answer.newBuilder().setQuestionId("one").setChoices(ChoiceSelection.newBuilder().addChoiceIds("delai")).build(),
          Answer.newBuilder().setQuestionId("many").setChoices(ChoiceSelection.newBuilder()
              .addChoiceIds("a").addChoiceIds("b")).build(),
          Answer.newBuilder().setQuestionId("comment").setText("Livré à temps, « parfait »,\nmerci !").build())
          .build());

      assertThat(accepted.getAnswersCount()).isEqualTo(7);
    }

    private java.util.Map<String, String> tooManyKeys() {
      var map = new java.util.HashMap<String, String>();
      for (int i = 0; i < 21; i++) {
        map.put("k" + i, "v");
      }
      return map;
    }
  }

  @Nested
  class Idempotency {

    @Test
    void aReplayReturnsTheFirstResponseAndAChangedPayloadConflicts() {
      var d = link(Channel.CHANNEL_EMAIL);
      var request = answers(d.getToken(), score("nps", 10)).setIdempotencyKey("retry-1").build();
      var respondent = respondent();

      var first = respondent.submitPublicResponse(request);
      var replay = respondent.submitPublicResponse(request);

      assertThat(replay).isEqualTo(first);
      assertThat(client.getDatabase("cx_survey").getCollection("responses")
          .countDocuments(Filters.eq("distributionId", d.getDistributionId()))).isEqualTo(1);
      var e = failure(() -> respondent.submitPublicResponse(
          answers(d.getToken(), score("nps", 3)).setIdempotencyKey("retry-1").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }
  }

  @Nested
  class ClosedLinks {

    @Test
    void pausedRevokedExpiredAndClosedAreFailedPreconditionsSayingWhy() {
      var survey = survey(everyKind());
      var paused = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, null);
      var distributions = asTenant(DistributionServiceGrpc.newBlockingStub(channel), TENANT);
      distributions.updateDistributionStatus(UpdateDistributionStatusRequest.newBuilder()
          .setDistributionId(paused.getDistributionId()).setStatus(DistributionStatus.DISTRIBUTION_STATUS_PAUSED).build());
      var e = failure(() -> respondent().submitPublicResponse(answers(paused.getToken(), score("nps", 9)).build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getStatus().getDescription()).contains("paused");

      var expiring = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, Instant.now().plusMillis(1_500));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(failure(() -> respondent().submitPublicResponse(answers(expiring.getToken(), score("nps", 9))
              .build())).getStatus().getDescription()).contains("expired"));

      var open = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, null);
      asTenant(SurveyDefinitionServiceGrpc.newBlockingStub(channel), TENANT)
          .closeSurvey(CloseSurveyRequest.newBuilder().setSurveyId(survey.getSurveyId()).build());
      var closed = failure(() -> respondent().submitPublicResponse(answers(open.getToken(), score("nps", 9)).build()));
      assertThat(closed.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(closed.getStatus().getDescription()).contains("closed");
    }
  }

  @Nested
  class ReadingClosedLinks {

    private String reason(StatusRuntimeException e) {
      var details = io.grpc.protobuf.StatusProto.fromThrowable(e);
      return details.getDetailsList().stream().filter(a -> a.is(com.google.rpc.ErrorInfo.class)).map(a -> {
        try {
          return a.unpack(com.google.rpc.ErrorInfo.class).getReason();
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
          throw new IllegalStateException(x);
        }
      }).findFirst().orElse("");
    }

    private StatusRuntimeException submitting(String token) {
      return failure(() -> respondent().submitPublicResponse(answers(token, score("nps", 9)).build()));
    }

    private LinkAvailability opened(String token) {
      return respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(token).build()).getAvailability();
    }

    private void setStatus(Distribution d, DistributionStatus status) {
      asTenant(DistributionServiceGrpc.newBlockingStub(channel), TENANT).withDeadlineAfter(10, TimeUnit.SECONDS)
          .updateDistributionStatus(UpdateDistributionStatusRequest.newBuilder()
              .setDistributionId(d.getDistributionId()).setStatus(status).build());
    }

    /** Opening says so (the page shows a notice); submitting is refused with the reason. */
    @Test
    void aPausedOrRevokedLinkSaysSoWhenOpenedAndRefusesWithItsReason() {
      var survey = survey(everyKind());
      var paused = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, null);
      var revoked = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, null);
      setStatus(paused, DistributionStatus.DISTRIBUTION_STATUS_PAUSED);
      setStatus(revoked, DistributionStatus.DISTRIBUTION_STATUS_REVOKED);

      assertThat(opened(paused.getToken())).isEqualTo(LinkAvailability.LINK_AVAILABILITY_PAUSED);
      var p = submitting(paused.getToken());
      assertThat(p.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(p.getStatus().getDescription()).contains("paused");
      assertThat(reason(p)).isEqualTo("LINK_PAUSED");
      assertThat(opened(revoked.getToken())).isEqualTo(LinkAvailability.LINK_AVAILABILITY_CLOSED);
      assertThat(reason(submitting(revoked.getToken()))).isEqualTo("LINK_REVOKED");

      setStatus(paused, DistributionStatus.DISTRIBUTION_STATUS_ACTIVE);
      assertThat(opened(paused.getToken())).isEqualTo(LinkAvailability.LINK_AVAILABILITY_OPEN);
    }

    @Test
    void anExpiredLinkOrAClosedSurveySaysSoWhenOpenedAndRefusesWithItsReason() {
      var survey = survey(everyKind());
      var expired = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, Instant.now().plusMillis(1_000));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .untilAsserted(() -> assertThat(opened(expired.getToken())).isEqualTo(LinkAvailability.LINK_AVAILABILITY_EXPIRED));
      assertThat(reason(submitting(expired.getToken()))).isEqualTo("LINK_EXPIRED");

      var open = distribution(survey.getSurveyId(), Channel.CHANNEL_LINK, null);
      asTenant(SurveyDefinitionServiceGrpc.newBlockingStub(channel), TENANT)
          .closeSurvey(CloseSurveyRequest.newBuilder().setSurveyId(survey.getSurveyId()).build());
      assertThat(opened(open.getToken())).isEqualTo(LinkAvailability.LINK_AVAILABILITY_CLOSED);
      var closed = submitting(open.getToken());
      assertThat(closed.getStatus().getDescription()).contains("closed");
      assertThat(reason(closed)).isEqualTo("SURVEY_CLOSED");
    }

    /** A survey written in English with French translations: ?lang=fr answers in French. */
    @Test
    void theAskedLanguageWinsOverTheDefaultAndTheHeader() {
      var english = survey(Survey.newBuilder()
          .setTitle("Your delivery").setDefaultLanguage("en").putTitleTranslations("fr", "Votre livraison")
          .setState(SurveyState.SURVEY_STATE_ACTIVE)
          .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
              .setText("Would you recommend us?").putTextTranslations("fr", "Nous recommanderiez-vous ?")));
      var token = distribution(english.getSurveyId(), Channel.CHANNEL_LINK, null).getToken();

      var fr = respondent().getPublicSurvey(GetPublicSurveyRequest.newBuilder().setToken(token).setLang("fr")
          .setAcceptLanguage("en-US,en;q=0.9").build());

      assertThat(fr.getLanguage()).isEqualTo("fr");
      assertThat(fr.getTitle()).isEqualTo("Votre livraison");
      assertThat(fr.getQuestions(0).getText()).isEqualTo("Nous recommanderiez-vous ?");
    }
  }
}
