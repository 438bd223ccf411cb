package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.alert.MetricAlertWorker;
import io.cxhub.metrics.alert.grpc.FakeSurveyAlertService;
import io.cxhub.metrics.alert.grpc.FakeSurveyDirectory;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.CreateMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.DeleteMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.EvaluateMetricAlertRulesRequest;
import io.cxhub.proto.metrics.v1.GetMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.ListMetricAlertRulesRequest;
import io.cxhub.proto.metrics.v1.MetricAlertActions;
import io.cxhub.proto.metrics.v1.MetricAlertEvaluation;
import io.cxhub.proto.metrics.v1.MetricAlertOutcome;
import io.cxhub.proto.metrics.v1.MetricAlertRule;
import io.cxhub.proto.metrics.v1.MetricAlertServiceGrpc;
import io.cxhub.proto.metrics.v1.MetricAlertServiceGrpc.MetricAlertServiceBlockingStub;
import io.cxhub.proto.metrics.v1.MetricAlertSeverity;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.ScoreFilter;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.SignificantDropCondition;
import io.cxhub.proto.metrics.v1.ThresholdCondition;
import io.cxhub.proto.metrics.v1.ThresholdDirection;
import io.cxhub.proto.metrics.v1.UpdateMetricAlertRuleRequest;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
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
 * Metric alerts through metrics-service's real gRPC server and the real driver against the
 * embedded MongoDB, firing to a stand-in of survey-service's FireAlert on a real port (behind
 * the kit's tenant interceptor, as survey-service serves it). The clock is fixed at
 * 2026-03-14 10:00 UTC; the periodic evaluator is off and run by hand where a test needs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricAlertIT {

  private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");

  @TempDir
  static Path dataDir;

  private final MutableClock clock = new MutableClock(NOW);
  private final FakeSurveyAlertService survey = new FakeSurveyAlertService();
  private final FakeSurveyDirectory surveys = new FakeSurveyDirectory();
  private int surveyPort;
  private Server surveyServer;
  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private MongoClient client;

  @BeforeAll
  void start() throws IOException {
    startSurvey(0);
    surveyPort = surveyServer.getPort();
    mongo = TestMongo.start(dataDir);
    app = MetricsServiceApplication.builder()
        .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
        .run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
            "--spring.grpc.server.port=0",
            "--server.port=0",
            "--cx.peers.survey=localhost:" + surveyPort,
            "--cx.metrics.alerts.enabled=false",
            "--cx.metrics.ingest.sweep-interval=1h");
    int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    client = MongoClients.create(mongo.connectionString("cx_metrics"));
  }

  private void startSurvey(int port) throws IOException {
    surveyServer = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", port))
        .addService(ServerInterceptors.intercept(survey, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .addService(ServerInterceptors.intercept(surveys, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .build().start();
  }

  private void stopSurvey() throws InterruptedException {
    surveyServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    mongo.close();
    stopSurvey();
  }

  private MetricAlertServiceBlockingStub alerts(String tenant) {
    return asTenant(MetricAlertServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** Records NPS answers submitted now, on survey {@code surveyId}, question {@code nps}. */
  private void answers(String tenant, String surveyId, int... scores) {
    var batch = RecordResponsesRequest.newBuilder();
    for (int score : scores) {
      batch.addResponses(RecordedResponse.newBuilder()
          .setResponseId("r-" + surveyId + "-" + (answered++))
          .setSurveyId(surveyId)
          .setSurveyVersion(1)
          .setChannel(Channel.CHANNEL_EMAIL)
          .setSubmitTime(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
          .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(score)
              .setScaleMin(0).setScaleMax(10)));
    }
    asTenant(MetricsServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS)
        .recordResponses(batch.build());
  }

  private int answered;

  /** 40 answers, NPS 0: 15 promoters, 10 passives, 15 detractors. */
  private void npsZero(String tenant, String surveyId) {
    var scores = new ArrayList<Integer>();
    for (int i = 0; i < 15; i++) {
      scores.add(10);
      scores.add(0);
    }
    for (int i = 0; i < 10; i++) {
      scores.add(8);
    }
    answers(tenant, surveyId, scores.stream().mapToInt(Integer::intValue).toArray());
  }

  private static MetricAlertRule.Builder npsBelow20(String surveyId) {
    return MetricAlertRule.newBuilder()
        .setName("NPS livraison")
        .setEnabled(true)
        .setMetric(ScoreMetric.SCORE_METRIC_NPS)
        .setFilter(ScoreFilter.newBuilder().addSurveyIds(surveyId).setQuestionId("nps"))
        .setThreshold(ThresholdCondition.newBuilder()
            .setDirection(ThresholdDirection.THRESHOLD_DIRECTION_BELOW).setThreshold(20))
        .setSeverity(MetricAlertSeverity.METRIC_ALERT_SEVERITY_CRITICAL)
        .setActions(MetricAlertActions.newBuilder().setOpenCase(true));
  }

  private MetricAlertRule create(String tenant, MetricAlertRule.Builder rule) {
    return alerts(tenant).createMetricAlertRule(CreateMetricAlertRuleRequest.newBuilder().setRule(rule).build());
  }

  private MetricAlertEvaluation evaluate(String tenant, String ruleId) {
    var response = alerts(tenant).evaluateMetricAlertRules(
        EvaluateMetricAlertRulesRequest.newBuilder().addRuleIds(ruleId).build());
    assertThat(response.getEvaluationsList()).hasSize(1);
    return response.getEvaluations(0);
  }

  private List<FakeSurveyAlertService.Call> callsOf(String tenant) {
    return survey.calls().stream().filter(c -> c.tenantId().equals(tenant)).toList();
  }

  @Nested
  class Rules {

    @Test
    void aRuleIsCreatedReadListedUpdatedAndDeletedInItsTenantOnly() {
      String tenant = newTenant();
      var created = create(tenant, npsBelow20("s-crud"));

      assertThat(created.getRuleId()).isNotEmpty();
      assertThat(created.getWindowDays()).isEqualTo(7);
      assertThat(created.getMinSample()).isEqualTo(30);
      assertThat(created.getEvaluationIntervalMinutes()).isEqualTo(60);
      assertThat(created.getState().getNextEvaluationTime().getSeconds()).isEqualTo(NOW.getEpochSecond());
      var stored = client.getDatabase("cx_metrics").getCollection("metric_alert_rules")
          .find(Filters.eq("_id", tenant + ":" + created.getRuleId())).first();
      assertThat(stored).isNotNull().containsEntry("tenantId", tenant).containsEntry("version", 1L);

      var updated = alerts(tenant).updateMetricAlertRule(UpdateMetricAlertRuleRequest.newBuilder()
          .setRule(MetricAlertRule.newBuilder().setRuleId(created.getRuleId()).setName("NPS colis")
              .setSignificantDrop(SignificantDropCondition.newBuilder().setAlpha(0.01)))
          .setUpdateMask(FieldMask.newBuilder().addPaths("name").addPaths("significantDrop"))
          .build());
      assertThat(updated.getName()).isEqualTo("NPS colis");
      assertThat(updated.hasSignificantDrop()).isTrue();
      assertThat(updated.getSignificantDrop().getAlpha()).isEqualTo(0.01);
      assertThat(updated.getFilter().getSurveyIdsList()).containsExactly("s-crud");

      assertThat(alerts(tenant).getMetricAlertRule(GetMetricAlertRuleRequest.newBuilder()
          .setRuleId(created.getRuleId()).build())).isEqualTo(updated);
      assertThat(alerts(tenant).listMetricAlertRules(ListMetricAlertRulesRequest.getDefaultInstance())
          .getRulesList()).containsExactly(updated);
      assertThat(failure(() -> alerts(newTenant()).getMetricAlertRule(GetMetricAlertRuleRequest.newBuilder()
          .setRuleId(created.getRuleId()).build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

      alerts(tenant).deleteMetricAlertRule(DeleteMetricAlertRuleRequest.newBuilder()
          .setRuleId(created.getRuleId()).build());
      assertThat(alerts(tenant).listMetricAlertRules(ListMetricAlertRulesRequest.getDefaultInstance())
          .getRulesList()).isEmpty();
    }

    @Test
    void anInvalidRuleIsRefusedNamingEachField() {
      var error = failure(() -> create(newTenant(), MetricAlertRule.newBuilder()
          .setFilter(ScoreFilter.newBuilder().setPeriod(DateRange.newBuilder().setStartDate("2026-01-01")))
          .setWindowDays(400)
          .setActions(MetricAlertActions.newBuilder().setSurveyRuleId("no such id!"))));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder("rule.name", "rule.metric", "rule.filter.period",
          "rule.threshold", "rule.window_days", "rule.actions.survey_rule_id");
    }

    @Test
    void aRuleOnASurveyTheTenantDoesNotHaveIsRefused() {
      String tenant = newTenant();
      surveys.forget(tenant, "s-gone");
      var error = failure(() -> create(tenant, npsBelow20("s-gone")));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactly("rule.filter.survey_ids");
      assertThat(alerts(tenant).listMetricAlertRules(ListMetricAlertRulesRequest.getDefaultInstance())
          .getRulesList()).isEmpty();
    }

    @Test
    void whileSurveyServiceIsDownARuleOnASurveyIsNotStoredUnchecked() throws Exception {
      String tenant = newTenant();
      stopSurvey();
      io.grpc.StatusRuntimeException error;
      try {
        error = failure(() -> create(tenant, npsBelow20("s-unchecked")));
      } finally {
        startSurvey(surveyPort);
      }

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(alerts(tenant).listMetricAlertRules(ListMetricAlertRulesRequest.getDefaultInstance())
          .getRulesList()).isEmpty();
      assertThat(create(tenant, npsBelow20("s-unchecked")).getRuleId()).as("accepted once it is back").isNotEmpty();
    }

    @Test
    void callsWithoutATenantAreRefused() {
      var anonymous = MetricAlertServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      var error = failure(() -> anonymous.listMetricAlertRules(ListMetricAlertRulesRequest.getDefaultInstance()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Nested
  class Firing {

    @Test
    void aBreachedRuleFiresOnceThroughSurveyServiceWithItsTenant() {
      String tenant = newTenant();
      npsZero(tenant, "s-fire");
      var rule = create(tenant, npsBelow20("s-fire"));

      var first = evaluate(tenant, rule.getRuleId());
      var second = evaluate(tenant, rule.getRuleId());

      assertThat(first.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_FIRED);
      assertThat(first.getObservation().getN()).isEqualTo(40);
      assertThat(first.getObservation().getValue()).isEqualTo(0.0);
      assertThat(first.getObservation().getWindow().getStartDate()).isEqualTo("2026-03-08");
      assertThat(first.getObservation().getWindow().getEndDate()).isEqualTo("2026-03-14");
      assertThat(first.getObservation().hasComparison()).isFalse();
      String alertId = "mr:" + rule.getRuleId() + ":2026-03-14:1";
      assertThat(first.getEpisode().getAlertId()).isEqualTo(alertId);
      assertThat(first.getEpisode().getCaseId()).isNotEmpty();
      assertThat(second.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_ALREADY_FIRED);

      var calls = callsOf(tenant);
      assertThat(calls).hasSize(1);
      var request = calls.get(0).request();
      assertThat(request.getAlertId()).isEqualTo(alertId);
      assertThat(request.getTitle()).isEqualTo("NPS livraison: NPS 0.0 below 20 over the last 7 days (n=40)");
      assertThat(request.getSeverity()).isEqualTo("critical");
      assertThat(request.getSource()).isEqualTo("metrics-service");
      assertThat(request.getSurveyId()).isEqualTo("s-fire");
      assertThat(request.getOpenCase()).isTrue();

      var state = alerts(tenant).getMetricAlertRule(GetMetricAlertRuleRequest.newBuilder()
          .setRuleId(rule.getRuleId()).build()).getState();
      assertThat(state.getLastOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_ALREADY_FIRED);
      assertThat(state.getLatestEpisode().getAlertId()).isEqualTo(alertId);
      assertThat(state.getLatestEpisode().hasDeliverTime()).isTrue();
      assertThat(state.getLatestEpisode().hasEndTime()).isFalse();
      assertThat(state.getNextEvaluationTime().getSeconds()).isEqualTo(NOW.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void whileSurveyServiceIsDownTheAlertStaysPendingAndIsSentOnceItIsBack() throws Exception {
      String tenant = newTenant();
      npsZero(tenant, "s-down");
      var rule = create(tenant, npsBelow20("s-down"));
      stopSurvey();
      MetricAlertEvaluation pending;
      try {
        pending = evaluate(tenant, rule.getRuleId());
      } finally {
        startSurvey(surveyPort);
      }

      assertThat(pending.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_NOTIFICATION_PENDING);
      assertThat(pending.getError()).contains("UNAVAILABLE");
      assertThat(pending.getEpisode().hasDeliverTime()).isFalse();
      assertThat(callsOf(tenant)).isEmpty();
      Document stored = client.getDatabase("cx_metrics").getCollection("metric_alert_rules")
          .find(Filters.eq("_id", tenant + ":" + rule.getRuleId())).first();
      assertThat(stored.get("state", Document.class).get("episode", Document.class).getString("alertId"))
          .as("the alert id is stored before it is sent").isEqualTo(pending.getEpisode().getAlertId());

      var delivered = evaluate(tenant, rule.getRuleId());

      assertThat(delivered.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_FIRED);
      assertThat(callsOf(tenant)).extracting(c -> c.request().getAlertId())
          .containsExactly(pending.getEpisode().getAlertId());
    }

    @Test
    void aRefusedAlertKeepsTheReasonOnTheRule() {
      String tenant = newTenant();
      npsZero(tenant, "s-refused");
      var rule = create(tenant, npsBelow20("s-refused")
          .setActions(MetricAlertActions.newBuilder().setSurveyRuleId("nosuchrule")));
      survey.refuseWith(Status.NOT_FOUND.withDescription("alert rule not found: nosuchrule"));
      MetricAlertEvaluation evaluation;
      try {
        evaluation = evaluate(tenant, rule.getRuleId());
      } finally {
        survey.refuseWith(null);
      }

      assertThat(evaluation.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_NOTIFICATION_PENDING);
      assertThat(alerts(tenant).getMetricAlertRule(GetMetricAlertRuleRequest.newBuilder()
          .setRuleId(rule.getRuleId()).build()).getState().getLastError()).contains("NOT_FOUND").contains("nosuchrule");
    }

    @Test
    void aDropRuleComparesWithThePreviousWindowAndNeedsAnswersInBoth() {
      String tenant = newTenant();
      npsZero(tenant, "s-drop");
      var rule = create(tenant, npsBelow20("s-drop").clearThreshold()
          .setSignificantDrop(SignificantDropCondition.getDefaultInstance()));

      var evaluation = evaluate(tenant, rule.getRuleId());

      assertThat(evaluation.getOutcome()).isEqualTo(MetricAlertOutcome.METRIC_ALERT_OUTCOME_INSUFFICIENT_SAMPLE);
      var comparison = evaluation.getObservation().getComparison();
      assertThat(comparison.getPreviousWindow().getStartDate()).isEqualTo("2026-03-01");
      assertThat(comparison.getPreviousWindow().getEndDate()).isEqualTo("2026-03-07");
      assertThat(comparison.getPreviousN()).isZero();
      assertThat(evaluation.getObservation().getN()).isEqualTo(40);
      assertThat(callsOf(tenant)).isEmpty();
    }

    @Test
    void thePeriodicEvaluatorFiresDueRulesByItself() {
      String tenant = newTenant();
      npsZero(tenant, "s-worker");
      var rule = create(tenant, npsBelow20("s-worker"));

      app.getBean(MetricAlertWorker.class).runOnce();

      assertThat(callsOf(tenant)).extracting(c -> c.request().getAlertId())
          .containsExactly("mr:" + rule.getRuleId() + ":2026-03-14:1");
    }
  }
}
