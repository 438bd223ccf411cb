package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.survey.v1.AlertActions;
import io.cxhub.proto.survey.v1.AlertConditions;
import io.cxhub.proto.survey.v1.AlertRule;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.CreateAlertRuleRequest;
import io.cxhub.proto.survey.v1.GetCaseRequest;
import io.cxhub.proto.survey.v1.ListCasesRequest;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyState;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * survey-service and metrics-service side by side in one JVM (two Spring contexts, as the
 * one-jar launcher runs them), talking real gRPC: submitted responses reach the NPS through
 * the outbox relay exactly once, whether metrics-service is up, down or resent to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyToMetricsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int[] SCORES = {10, 10, 9, 9, 9, 8, 7, 6, 3, 0};
  /** A quick relay and breaker, so that the scenarios take seconds. */
  private static final String[] FAST_RELAY = {
      "cx.survey.relay.poll-interval=100ms",
      "cx.survey.relay.idle-recheck=500ms",
      "cx.survey.relay.initial-backoff=100ms",
      "cx.survey.relay.max-backoff=1s",
      "cx.survey.relay.deadline=3s",
      "resilience4j.circuitbreaker.instances.metrics.wait-duration-in-open-state=500ms",
      "resilience4j.retry.instances.metrics.wait-duration=50ms"};

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private MongoClient client;

  @BeforeAll
  void startDatabase() {
    mongo = TestMongo.start(dataDir);
    client = MongoClients.create(mongo.connectionString("admin"));
  }

  @AfterAll
  void stopDatabase() {
    client.close();
    mongo.close();
  }

  /** A survey-service and a metrics-service, each with its own database, and clients to both. */
  private final class Pair implements AutoCloseable {
    final String surveyDb;
    final String metricsDb;
    ConfigurableApplicationContext metrics;
    ConfigurableApplicationContext survey;
    ManagedChannel surveyChannel;
    ManagedChannel metricsChannel;

    Pair(String name) {
      this.surveyDb = "cx_survey_" + name;
      this.metricsDb = "cx_metrics_" + name;
    }

    void startMetrics(int port) {
      metrics = TestServices.startMetrics(mongo, metricsDb, port);
      metricsChannel = TestServices.channel(TestServices.grpcPort(metrics));
    }

    void startSurvey(String metricsAddress) {
      survey = TestServices.startSurvey(mongo, surveyDb, metricsAddress, FAST_RELAY);
      surveyChannel = TestServices.channel(TestServices.grpcPort(survey));
    }

    SurveyServiceGrpc.SurveyServiceBlockingStub surveys(String tenant) {
      return asTenant(SurveyServiceGrpc.newBlockingStub(surveyChannel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    NpsResult nps(String tenant, String surveyId) {
      return asTenant(MetricsServiceGrpc.newBlockingStub(metricsChannel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS)
          .getNps(GetNpsRequest.newBuilder().setSurveyId(surveyId).build());
    }

    /** The tenant of each survey created, to answer it as the tenant's partner system. */
    final java.util.Map<String, String> surveyTenants = new java.util.concurrent.ConcurrentHashMap<>();

    Survey createSurvey(String tenant) {
      var created = surveys(tenant).createSurvey(CreateSurveyRequest.newBuilder().setSurvey(Survey.newBuilder()
          .setTitle("Delivery")
          .setState(SurveyState.SURVEY_STATE_ACTIVE)
          .addQuestions(Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_NPS).setText("Recommend us?").setRequired(true))
          .addQuestions(Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_CSAT).setText("Satisfied?")))
          .build());
      surveyTenants.put(created.getSurveyId(), tenant);
      return created;
    }

    /** Submits one response per score (as the tenant's partner system), each with its own idempotency key. */
    List<String> submit(String surveyId, int... scores) {
      var ids = new ArrayList<String>();
      var publicStub = surveys(surveyTenants.get(surveyId));
      for (int i = 0; i < scores.length; i++) {
        ids.add(publicStub.submitResponse(SubmitResponseRequest.newBuilder()
            .setSurveyId(surveyId)
            .setIdempotencyKey("key-" + i)
            .addAnswers(Answer.newBuilder().setQuestionId("q1").setScore(scores[i]))
            .addAnswers(Answer.newBuilder().setQuestionId("q2").setScore(1 + i % 5))
            .build()).getResponseId());
      }
      return ids;
    }

    List<Document> outbox(String surveyId) {
      return client.getDatabase(surveyDb).getCollection("responses")
          .find(Filters.eq("surveyId", surveyId)).map(d -> d.get("outbox", Document.class).get("metrics", Document.class)).into(new ArrayList<>());
    }

    boolean allDelivered(String surveyId, int expected) {
      var outbox = outbox(surveyId);
      return outbox.size() == expected && outbox.stream().allMatch(o -> "DELIVERED".equals(o.getString("state")));
    }

    /** What metrics-service holds for the survey, read from its own collections. */
    long ledgerEntries(String surveyId) {
      return client.getDatabase(metricsDb).getCollection("recorded_responses")
          .countDocuments(Filters.eq("item.surveyId", surveyId));
    }

    long bucketCount(String surveyId, String questionId) {
      // the answers counted in the survey's month cubes (one per kind and month)
      long total = 0;
      for (Document cube : client.getDatabase(metricsDb).getCollection("cubes")
          .find(Filters.regex("_id", ":score:[A-Z]+:" + surveyId + ":M"))) {
        for (Object cell : cube.get("cells", Document.class).values()) {
          var c = (Document) cell;
          if (questionId.equals(c.get("d", Document.class).getString("question"))) {
            total += c.get("c", Document.class).getLong("n");
          }
        }
      }
      return total;
    }

    @Override
    public void close() throws InterruptedException {
      if (surveyChannel != null) {
        surveyChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (metricsChannel != null) {
        metricsChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (survey != null) {
        survey.close();
      }
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class BothUp {

    private Pair pair;

    @BeforeAll
    void start() {
      pair = new Pair("up");
      pair.startMetrics(0);
      pair.startSurvey("localhost:" + TestServices.grpcPort(pair.metrics));
    }

    @AfterAll
    void stop() throws InterruptedException {
      pair.close();
    }

    @Test
    void eachServiceInTheSameJvmLoadsItsOwnConfiguration() {
      // as in the one-jar launcher: both services' files are on one classpath
      assertThat(pair.survey.getEnvironment().getProperty("spring.application.name"))
          .isEqualTo("survey-service");
      assertThat(pair.metrics.getEnvironment().getProperty("spring.application.name"))
          .isEqualTo("metrics-service");
    }

    @Test
    void submittedResponsesReachTheNpsExactlyOnce() {
      var survey = pair.createSurvey("e2e-up");
      pair.submit(survey.getSurveyId(), SCORES);

      await().atMost(WAIT).until(() -> pair.nps("e2e-up", survey.getSurveyId()).getN() == 10);
      var nps = pair.nps("e2e-up", survey.getSurveyId());
      assertThat(nps.getPromoters()).isEqualTo(5);
      assertThat(nps.getPassives()).isEqualTo(2);
      assertThat(nps.getDetractors()).isEqualTo(3);
      assertThat(nps.getNps()).isEqualTo(20.0);

      await().atMost(WAIT).until(() -> pair.allDelivered(survey.getSurveyId(), 10));
      assertThat(pair.ledgerEntries(survey.getSurveyId())).isEqualTo(10);
      assertThat(pair.bucketCount(survey.getSurveyId(), "q2")).isEqualTo(10);
    }

    @Test
    void resendingAnAcknowledgedBatchDoesNotCountTwice() {
      var survey = pair.createSurvey("e2e-resend");
      pair.submit(survey.getSurveyId(), 9, 9, 2, 7, 10);
      await().atMost(WAIT).until(() -> pair.allDelivered(survey.getSurveyId(), 5));

      // as if survey-service had died after metrics-service acknowledged but before the mark
      client.getDatabase(pair.surveyDb).getCollection("responses").updateMany(
          Filters.eq("surveyId", survey.getSurveyId()),
          Updates.combine(Updates.set("outbox.metrics.state", "PENDING"), Updates.set("outbox.metrics.due", new java.util.Date()),
              Updates.unset("outbox.metrics.doneAt")));
      assertThat(pair.allDelivered(survey.getSurveyId(), 5)).isFalse();

      await().atMost(WAIT).until(() -> pair.allDelivered(survey.getSurveyId(), 5));
      var nps = pair.nps("e2e-resend", survey.getSurveyId());
      assertThat(nps.getN()).isEqualTo(5);
      assertThat(nps.getPromoters()).isEqualTo(3);
      assertThat(nps.getDetractors()).isEqualTo(1);
      assertThat(pair.ledgerEntries(survey.getSurveyId())).isEqualTo(5);
      assertThat(pair.bucketCount(survey.getSurveyId(), "q1")).isEqualTo(5);
    }

    /** An active survey with an NPS question {@code nps} and a free-text question {@code why}. */
    private Survey surveyWithComment(String tenant) {
      return pair.surveys(tenant).createSurvey(CreateSurveyRequest.newBuilder().setSurvey(Survey.newBuilder()
          .setTitle("Livraison").setState(SurveyState.SURVEY_STATE_ACTIVE)
          .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
              .setText("Recommend us?").setRequired(true))
          .addQuestions(Question.newBuilder().setQuestionId("why").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT)
              .setText("Why?")))
          .build());
    }

    @Test
    void aCaseShowsTheTextAnalysisOfTheResponseThatOpenedIt() {
      String tenant = "e2e-case-text";
      var alerts = asTenant(AlertServiceGrpc.newBlockingStub(pair.surveyChannel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
      var survey = surveyWithComment(tenant);
      alerts.createAlertRule(CreateAlertRuleRequest.newBuilder().setRule(AlertRule.newBuilder().setName("detractors")
          .setEnabled(true).setConditions(AlertConditions.newBuilder().addCategories(NpsCategory.NPS_CATEGORY_DETRACTOR))
          .setActions(AlertActions.newBuilder().setOpenCase(true))).build());
      pair.surveys(tenant).submitResponse(SubmitResponseRequest.newBuilder().setSurveyId(survey.getSurveyId())
              .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(2))
              .addAnswers(Answer.newBuilder().setQuestionId("why")
                  .setText("Colis en retard au point relais, livraison catastrophique."))
              .build());

      await().atMost(WAIT).until(() -> alerts.listCases(ListCasesRequest.getDefaultInstance()).getCasesCount() == 1);
      String caseId = alerts.listCases(ListCasesRequest.getDefaultInstance()).getCases(0).getCaseId();
      // relayed to metrics-service, analysed there, then read by GetCase
      await().atMost(WAIT).until(() -> alerts.getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build())
          .getCommentAnalysesCount() == 1);
      var c = alerts.getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build());
      assertThat(c.getTextAnalysisUnavailable()).isFalse();
      var comment = c.getCommentAnalyses(0);
      assertThat(comment.getQuestionId()).isEqualTo("why");
      assertThat(comment.getAnalysis().getSentiment()).isEqualTo(TextSentiment.TEXT_SENTIMENT_NEGATIVE);
      assertThat(comment.getAnalysis().getThemesList()).anyMatch(t -> t.getThemeId().equals("delivery")
          && t.getEvidenceList().stream().anyMatch(e -> e.getText().equals("point relais")));
      assertThat(comment.getHighlightsList()).isNotEmpty();
      // lists stay light: no analysis there
      assertThat(alerts.listCases(ListCasesRequest.getDefaultInstance()).getCases(0).getCommentAnalysesCount()).isZero();
    }

    @Test
    void aNegativeRemarkOnDeliveryFiresTheRuleOnSentimentAndTheme() {
      String tenant = "e2e-text-rule";
      var alerts = asTenant(AlertServiceGrpc.newBlockingStub(pair.surveyChannel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
      var survey = surveyWithComment(tenant);
      // a theme the taxonomy does not have would never fire: refused, naming the field
      var unknown = org.assertj.core.api.Assertions.catchThrowableOfType(io.grpc.StatusRuntimeException.class,
          () -> alerts.createAlertRule(CreateAlertRuleRequest.newBuilder().setRule(AlertRule.newBuilder()
              .setName("typo").setEnabled(true).setConditions(AlertConditions.newBuilder().addThemes("livraison"))
              .setActions(AlertActions.newBuilder().setOpenCase(true))).build()));
      assertThat(unknown.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
      assertThat(io.cxhub.kit.testing.GrpcCalls.violatedFields(unknown)).containsExactly("rule.conditions.themes");

      var rule = alerts.createAlertRule(CreateAlertRuleRequest.newBuilder().setRule(AlertRule.newBuilder()
          .setName("negative delivery").setEnabled(true).setConditions(AlertConditions.newBuilder()
              .addSentiments(TextSentiment.TEXT_SENTIMENT_NEGATIVE).addThemes("delivery"))
          .setActions(AlertActions.newBuilder().setOpenCase(true).setTeam("logistics"))).build());
      assertThat(rule.getConditions().getSentimentsList()).containsExactly(TextSentiment.TEXT_SENTIMENT_NEGATIVE);
      assertThat(rule.getConditions().getThemesList()).containsExactly("delivery");

      // a promoter's happy delivery comment, then a passive's late parcel: only the second fires
      for (var answer : List.of(new Object[] {10, "Livraison rapide, colis parfait."},
          new Object[] {8, "Produit très bien, mais le colis est arrivé avec une semaine de retard."})) {
        pair.surveys(tenant).submitResponse(SubmitResponseRequest.newBuilder().setSurveyId(survey.getSurveyId())
            .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore((Integer) answer[0]))
            .addAnswers(Answer.newBuilder().setQuestionId("why").setText((String) answer[1]))
            .build());
      }
      await().atMost(WAIT).until(() -> alerts.listCases(ListCasesRequest.getDefaultInstance()).getCasesCount() >= 1);
      // both responses went through the alert worker: the outbox says so
      await().atMost(WAIT).until(() -> client.getDatabase(pair.surveyDb).getCollection("responses")
          .find(Filters.eq("surveyId", survey.getSurveyId())).into(new ArrayList<>()).stream()
          .allMatch(d -> "DELIVERED".equals(d.get("outbox", Document.class).get("alerts", Document.class)
              .getString("state"))));
      var cases = alerts.listCases(ListCasesRequest.getDefaultInstance()).getCasesList();
      assertThat(cases).singleElement().satisfies(c -> assertThat(c.getTeam()).isEqualTo("logistics"));
    }

    @Test
    void anIdempotentReplayIsNotRelayedAgain() {
      var survey = pair.createSurvey("e2e-replay");
      pair.submit(survey.getSurveyId(), 9);
      pair.submit(survey.getSurveyId(), 9); // same key "key-0": a replay
      await().atMost(WAIT).until(() -> pair.allDelivered(survey.getSurveyId(), 1));
      assertThat(pair.nps("e2e-replay", survey.getSurveyId()).getN()).isEqualTo(1);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class MetricsDownAtFirst {

    private Pair pair;

    @AfterEach
    void stop() throws InterruptedException {
      pair.close();
    }

    @Test
    void everyResponseSubmittedWhileMetricsWasDownIsDeliveredOnceItStarts() {
      pair = new Pair("down");
      int metricsPort = TestServices.freePort();
      pair.startSurvey("localhost:" + metricsPort);
      var survey = pair.createSurvey("e2e-down");
      pair.submit(survey.getSurveyId(), SCORES);

      // the relay has tried and failed: the circuit breaker saw failures, nothing is delivered
      var breaker = pair.survey.getBean(CircuitBreakerRegistry.class).circuitBreaker("metrics");
      await().atMost(WAIT).until(() -> breaker.getMetrics().getNumberOfFailedCalls() > 0
          || breaker.getMetrics().getNumberOfNotPermittedCalls() > 0);
      assertThat(pair.outbox(survey.getSurveyId()))
          .hasSize(10)
          .allSatisfy(o -> assertThat(o.getString("state")).isEqualTo("PENDING"));

      pair.startMetrics(metricsPort);

      await().atMost(WAIT).until(() -> pair.allDelivered(survey.getSurveyId(), 10));
      var nps = pair.nps("e2e-down", survey.getSurveyId());
      assertThat(nps.getN()).isEqualTo(10);
      assertThat(nps.getNps()).isEqualTo(20.0);
      assertThat(pair.ledgerEntries(survey.getSurveyId())).isEqualTo(10);
      assertThat(pair.bucketCount(survey.getSurveyId(), "q1")).isEqualTo(10);
      assertThat(pair.bucketCount(survey.getSurveyId(), "q2")).isEqualTo(10);
    }
  }
}
