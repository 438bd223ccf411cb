package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.rollup.Application;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.RollupSweeper;
import io.cxhub.metrics.ingest.AnswerKind;
import io.cxhub.metrics.ingest.ScoredAnswer;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.CompareScoresRequest;
import io.cxhub.proto.metrics.v1.CompareScoresResponse;
import io.cxhub.proto.metrics.v1.DimensionValue;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.PeriodGranularity;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreFilter;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc.MetricsServiceBlockingStub;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
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
 * metrics-service started as an application (real gRPC server on a random port, real
 * driver against the embedded MongoDB), called over a real Netty channel. The bucket
 * protocol's operators ($setOnInsert upserts, $inc on dotted paths, $push/$ne evidence,
 * $pullAll, unordered bulk writes) run here against the embedded server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsServiceIT {

  private static final Instant DAY1 = Instant.parse("2025-03-14T08:00:00Z");
  private static final Instant DAY2 = Instant.parse("2025-03-15T23:59:59Z");

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
    app = MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=0",
        "--server.port=0",
        // the sweeper is run by hand below; abandoned applications count as stale at once
        "--cx.metrics.ingest.sweep-interval=1h",
        "--cx.metrics.ingest.stale-applying-after=0s");
    int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    client = MongoClients.create(mongo.connectionString("cx_metrics"));
    db = client.getDatabase("cx_metrics");
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    mongo.close();
  }

  private MetricsServiceBlockingStub anonymous() {
    return MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private MetricsServiceBlockingStub tenant(String tenant) {
    return asTenant(anonymous(), tenant);
  }

  private static RecordedResponse nps(String responseId, String surveyId, int score, Instant at, Channel channel) {
    return RecordedResponse.newBuilder()
        .setResponseId(responseId)
        .setSurveyId(surveyId)
        .setSurveyVersion(1)
        .setChannel(channel)
        .setSubmitTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
        .addAnswers(RecordedAnswer.newBuilder().setQuestionId("q1").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(score).setScaleMin(0).setScaleMax(10))
        .build();
  }

  private static RecordResponsesRequest batch(RecordedResponse... responses) {
    return RecordResponsesRequest.newBuilder().addAllResponses(List.of(responses)).build();
  }

  private NpsResult nps(String tenant, String surveyId) {
    return tenant(tenant).getNps(GetNpsRequest.newBuilder().setSurveyId(surveyId).build());
  }

  /** The NPS cube of a survey for a period such as {@code D2025-03-14} or {@code M2025-03}. */
  private Document npsCube(String tenant, String survey, String period) {
    return db.getCollection("cubes").find(Filters.eq("_id", tenant + ":score:NPS:" + survey + ":" + period)).first();
  }

  private static Document onlyCell(Document cube) {
    var cells = cube.get("cells", Document.class);
    assertThat(cells).hasSize(1);
    return (Document) cells.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private ExactlyOnceAggregator<io.cxhub.metrics.ingest.RecordedResponse> responses() {
    return app.getBean("responseAggregator", ExactlyOnceAggregator.class);
  }

  @Nested
  class Tenancy {

    @Test
    void callsWithoutTenantAreUnauthenticated() {
      var record = catchThrowableOfType(StatusRuntimeException.class,
          () -> anonymous().recordResponses(batch(nps("r1", "s-auth", 9, DAY1, Channel.CHANNEL_LINK))));
      var read = catchThrowableOfType(StatusRuntimeException.class,
          () -> anonymous().getNps(GetNpsRequest.newBuilder().setSurveyId("s-auth").build()));
      assertThat(record.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(read.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anotherTenantSeesNoIndicators() {
      tenant("acme").recordResponses(batch(nps("r1", "s-iso", 9, DAY1, Channel.CHANNEL_LINK)));
      assertThat(nps("acme", "s-iso").getN()).isEqualTo(1);
      assertThat(nps("globex", "s-iso").getN()).isZero();
    }
  }

  @Nested
  class Recording {

    @Test
    void aDuplicateBatchIsAppliedOnce() {
      var request = batch(
          nps("d1", "s-dup", 10, DAY1, Channel.CHANNEL_LINK),
          nps("d2", "s-dup", 3, DAY1, Channel.CHANNEL_LINK));
      RecordResponsesResponse first = tenant("acme").recordResponses(request);
      RecordResponsesResponse second = tenant("acme").recordResponses(request);

      assertThat(first.getRecordedResponseIdsList()).containsExactly("d1", "d2");
      assertThat(first.getAppliedCount()).isEqualTo(2);
      assertThat(first.getDuplicateCount()).isZero();
      assertThat(second.getRecordedResponseIdsList()).containsExactly("d1", "d2");
      assertThat(second.getAppliedCount()).isZero();
      assertThat(second.getDuplicateCount()).isEqualTo(2);

      for (String period : List.of("D2025-03-14", "M2025-03")) {
        Document cube = npsCube("acme", "s-dup", period);
        assertThat(cube).containsEntry("tenantId", "acme").containsEntry("family", "score:NPS:s-dup")
            .containsEntry("period", period);
        Document cell = onlyCell(cube);
        assertThat(cell.get("c", Document.class)).containsEntry("n", 2L).containsEntry("sum", 13L)
            .containsEntry("sumSq", 109L);
        assertThat(cell.get("h", Document.class).get("v", Document.class))
            .containsEntry("10", 1L).containsEntry("3", 1L);
        assertThat(cell.get("d", Document.class)).containsEntry("question", "q1").containsEntry("channel", "LINK")
            .containsEntry("scale", "0-10").doesNotContainKey("stage").doesNotContainKey("segment");
      }
      assertThat(db.getCollection("recorded_responses").find(Filters.eq("_id", "acme:d1")).first())
          .containsEntry("tenantId", "acme").containsKey("appliedAt");
    }

    @Test
    void concurrentDeliveriesOfOneBatchCountOnce() throws Exception {
      var request = batch(
          nps("c1", "s-conc", 9, DAY1, Channel.CHANNEL_LINK),
          nps("c2", "s-conc", 9, DAY1, Channel.CHANNEL_LINK),
          nps("c3", "s-conc", 0, DAY1, Channel.CHANNEL_LINK));
      var pool = Executors.newFixedThreadPool(6);
      try {
        var calls = new ArrayList<Callable<RecordResponsesResponse>>();
        for (int i = 0; i < 6; i++) {
          calls.add(() -> tenant("acme").recordResponses(request));
        }
        for (var f : pool.invokeAll(calls)) {
          assertThat(f.get().getRecordedResponseIdsList()).containsExactly("c1", "c2", "c3");
        }
      } finally {
        pool.shutdownNow();
      }
      var result = nps("acme", "s-conc");
      assertThat(result.getN()).isEqualTo(3);
      assertThat(result.getPromoters()).isEqualTo(2);
    }

    @Test
    void aBatchLeftAfterTheCubeStepIsCompletedWithoutDoubleCounting() {
      // pre-seed what a first attempt did before dying: it began, recorded and reached the cubes
      var aggregator = responses();
      var crashed = new io.cxhub.metrics.ingest.RecordedResponse(
          "x1", "s-crash", 1, "LINK", DAY1, List.of(new ScoredAnswer("q1", AnswerKind.NPS, 9, 0, 10)));
      app.getBean(Applications.class).begin(
          new Application("a-crash", "acme", "responses", List.of("x1"), List.of(), Instant.now(), null));
      aggregator.ledger().insertIfAbsent("acme", List.of(crashed), "a-crash", Instant.now());
      app.getBean(Cubes.class).applyOnce("acme", "a-crash",
          aggregator.contributor().contributions("acme", java.time.ZoneOffset.UTC, crashed));

      var resent = tenant("acme").recordResponses(batch(
          nps("x1", "s-crash", 9, DAY1, Channel.CHANNEL_LINK),
          nps("x2", "s-crash", 0, DAY1, Channel.CHANNEL_LINK)));

      assertThat(resent.getRecordedResponseIdsList()).containsExactly("x1", "x2");
      assertThat(resent.getAppliedCount()).isEqualTo(2);
      var result = nps("acme", "s-crash");
      assertThat(result.getN()).isEqualTo(2);
      assertThat(result.getPromoters()).isEqualTo(1);
      assertThat(result.getDetractors()).isEqualTo(1);
    }

    @Test
    void theSweeperCompletesAnAbandonedApplication() {
      var aggregator = responses();
      var abandoned = new io.cxhub.metrics.ingest.RecordedResponse("y1", "s-sweep", 1, "LINK", DAY1, List.of(
          new ScoredAnswer("q1", AnswerKind.NPS, 10, 0, 10), new ScoredAnswer("q2", AnswerKind.CSAT, 4, 1, 5)));
      Instant twoMinutesAgo = Instant.now().minusSeconds(120);
      app.getBean(Applications.class).begin(
          new Application("a-sweep", "acme", "responses", List.of("y1"), List.of(), twoMinutesAgo, null));
      aggregator.ledger().insertIfAbsent("acme", List.of(abandoned), "a-sweep", twoMinutesAgo);
      // only the NPS cubes were reached
      app.getBean(Cubes.class).applyOnce("acme", "a-sweep",
          aggregator.contributor().contributions("acme", java.time.ZoneOffset.UTC, abandoned).stream()
              .filter(inc -> inc.cube().family().startsWith("score:NPS")).toList());

      app.getBean(RollupSweeper.class).sweep();

      assertThat(db.getCollection("recorded_responses").find(Filters.eq("_id", "acme:y1")).first())
          .containsKey("appliedAt");
      assertThat(onlyCell(npsCube("acme", "s-sweep", "M2025-03")).get("c", Document.class)).containsEntry("n", 1L);
      Document csat = db.getCollection("cubes").find(Filters.eq("_id", "acme:score:CSAT:s-sweep:M2025-03")).first();
      assertThat(onlyCell(csat).get("c", Document.class)).containsEntry("n", 1L).containsEntry("sum", 4L);
      var again = tenant("acme").recordResponses(batch(nps("y1", "s-sweep", 10, DAY1, Channel.CHANNEL_LINK)));
      assertThat(again.getDuplicateCount()).isEqualTo(1);
      assertThat(nps("acme", "s-sweep").getN()).isEqualTo(1);
    }

    @Test
    void releasedEvidenceLeavesTheTalliesAlone() {
      tenant("acme").recordResponses(batch(nps("e1", "s-evid", 8, DAY1, Channel.CHANNEL_LINK)));
      Document before = npsCube("acme", "s-evid", "M2025-03");
      String application = before.getList("applied", String.class).get(0);

      app.getBean(Cubes.class).release("acme", application,
          List.of(io.cxhub.metrics.rollup.CubeId.parse(before.getString("_id"))));

      Document after = npsCube("acme", "s-evid", "M2025-03");
      assertThat(after.getList("applied", String.class)).isEmpty();
      assertThat(onlyCell(after).get("c", Document.class)).containsEntry("n", 1L);
    }

    @Test
    void moreThan500ResponsesAreInvalid() throws Exception {
      var request = RecordResponsesRequest.newBuilder();
      for (int i = 0; i < 501; i++) {
        request.addResponses(nps("big" + i, "s-big", 9, DAY1, Channel.CHANNEL_LINK));
      }
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").recordResponses(request.build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("responses");
      assertThat(nps("acme", "s-big").getN()).isZero();
    }

    @Test
    void invalidAnswersAreNamed() throws Exception {
      var bad = nps("bad1", "s-bad", 9, DAY1, Channel.CHANNEL_LINK).toBuilder()
          .setAnswers(0, RecordedAnswer.newBuilder().setQuestionId("q1").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(12).setScaleMax(10))
          .build();
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").recordResponses(batch(bad)));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("responses[0].answers[0].score");
    }
  }

  @Nested
  class Nps {

    @Test
    void equalsTheHandComputedScore() {
      int[] scores = {10, 10, 9, 9, 9, 8, 7, 6, 3, 0};
      var request = RecordResponsesRequest.newBuilder();
      for (int i = 0; i < scores.length; i++) {
        // first five on day 1 by link, last five on day 2 by QR: several buckets to sum
        request.addResponses(nps("n" + i, "s-nps", scores[i], i < 5 ? DAY1 : DAY2,
            i < 5 ? Channel.CHANNEL_LINK : Channel.CHANNEL_QR));
      }
      tenant("acme").recordResponses(request.build());

      var all = nps("acme", "s-nps");
      assertThat(all.getQuestionId()).isEqualTo("q1");
      assertThat(all.getN()).isEqualTo(10);
      assertThat(all.getPromoters()).isEqualTo(5);
      assertThat(all.getPassives()).isEqualTo(2);
      assertThat(all.getDetractors()).isEqualTo(3);
      assertThat(all.getNps()).isEqualTo(20.0);

      var day2 = tenant("acme").getNps(GetNpsRequest.newBuilder().setSurveyId("s-nps")
          .setPeriod(DateRange.newBuilder().setStartDate("2025-03-15").setEndDate("2025-03-15")).build());
      assertThat(day2.getN()).isEqualTo(5);
      assertThat(day2.getNps()).isEqualTo(-60.0);
      assertThat(day2.getPeriod().getStartDate()).isEqualTo("2025-03-15");

      var before = tenant("acme").getNps(GetNpsRequest.newBuilder().setSurveyId("s-nps")
          .setPeriod(DateRange.newBuilder().setEndDate("2025-03-13")).build());
      assertThat(before.getN()).isZero();
      assertThat(before.getNps()).isZero();
    }

    @Test
    void severalNpsQuestionsNeedAQuestionId() throws Exception {
      var twoQuestions = nps("m1", "s-multi", 9, DAY1, Channel.CHANNEL_LINK).toBuilder()
          .addAnswers(RecordedAnswer.newBuilder().setQuestionId("q9").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(2).setScaleMax(10))
          .build();
      tenant("acme").recordResponses(batch(twoQuestions));

      var e = catchThrowableOfType(StatusRuntimeException.class, () -> nps("acme", "s-multi"));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("question_id");
      var q9 = tenant("acme").getNps(GetNpsRequest.newBuilder().setSurveyId("s-multi").setQuestionId("q9").build());
      assertThat(q9.getDetractors()).isEqualTo(1);
      assertThat(q9.getNps()).isEqualTo(-100.0);
    }

    @Test
    void aSurveyWithoutDataHasNoScore() {
      var result = nps("acme", "s-empty");
      assertThat(result.getN()).isZero();
      assertThat(result.getNps()).isZero();
    }

    @Test
    void invalidPeriodsAreNamed() throws Exception {
      var badDate = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").getNps(
          GetNpsRequest.newBuilder().setSurveyId("s-nps").setPeriod(DateRange.newBuilder().setStartDate("2025-02-30")).build()));
      assertThat(violatedFields(badDate)).containsExactly("period.start_date");

      var reversed = catchThrowableOfType(StatusRuntimeException.class, () -> tenant("acme").getNps(
          GetNpsRequest.newBuilder().setSurveyId("s-nps")
              .setPeriod(DateRange.newBuilder().setStartDate("2025-03-02").setEndDate("2025-03-01")).build()));
      assertThat(reversed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(reversed)).containsExactly("period.start_date");
    }
  }

  @Nested
  class Scores {

    private static final Instant MARCH = Instant.parse("2025-03-10T12:00:00Z");
    private static final Instant APRIL = Instant.parse("2025-04-02T12:00:00Z");

    private ScoreServiceGrpc.ScoreServiceBlockingStub scores() {
      return asTenant(ScoreServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS), "scorer");
    }

    private RecordedResponse scored(String id, Instant at, Channel ch, String question, String kind, int score,
        int min, int max) {
      return RecordedResponse.newBuilder()
          .setResponseId(id).setSurveyId("s-score").setSurveyVersion(1).setChannel(ch)
          .setSubmitTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
          .addAnswers(RecordedAnswer.newBuilder().setQuestionId(question).setKind(io.cxhub.proto.survey.v1.QuestionKind.valueOf("QUESTION_KIND_" + kind)).setScore(score)
              .setScaleMin(min).setScaleMax(max))
          .build();
    }

    private void record(RecordedResponse... responses) {
      tenant("scorer").recordResponses(batch(responses));
    }

    private static String key(io.cxhub.proto.metrics.v1.ScoreCell cell) {
      return String.join("|", cell.getKeyList().stream().map(DimensionValue::getValue).toList());
    }

    @Test
    void npsByMonthAndChannelCarriesNIntervalDistributionAndDefinition() {
      // March by e-mail: the hand-worked ten answers of ScoreTest (NPS 20, [-30.33, 61.10])
      int[] march = {10, 10, 9, 9, 9, 8, 7, 6, 3, 0};
      var batch = RecordResponsesRequest.newBuilder();
      for (int i = 0; i < march.length; i++) {
        batch.addResponses(scored("sm" + i, MARCH, Channel.CHANNEL_EMAIL, "nps", "NPS", march[i], 0, 10));
      }
      batch.addResponses(scored("sa1", APRIL, Channel.CHANNEL_EMAIL, "nps", "NPS", 10, 0, 10));
      batch.addResponses(scored("sa2", APRIL, Channel.CHANNEL_QR, "nps", "NPS", 2, 0, 10));
      tenant("scorer").recordResponses(batch.build());

      QueryScoresResponse result = scores().queryScores(QueryScoresRequest.newBuilder()
          .setMetric(ScoreMetric.SCORE_METRIC_NPS)
          .setFilter(ScoreFilter.newBuilder().addSurveyIds("s-score"))
          .addGroupBy(ScoreDimension.SCORE_DIMENSION_PERIOD)
          .addGroupBy(ScoreDimension.SCORE_DIMENSION_CHANNEL)
          .setGranularity(PeriodGranularity.PERIOD_GRANULARITY_MONTH)
          .build());

      assertThat(result.getDefinition().getId()).isEqualTo("nps");
      assertThat(result.getDefinition().getVersion()).isEqualTo(2);
      assertThat(result.getDefinition().getIntervalConstantsMap()).containsEntry("n_added", 3.0);
      assertThat(result.getDefinition().getText()).contains("0-6", "9-10", "skipped", "local days");
      assertThat(result.getCellsList()).extracting(Scores::key)
          .containsExactly("2025-03-01|EMAIL", "2025-04-01|EMAIL", "2025-04-01|QR");
      var marchEmail = result.getCells(0).getScore();
      assertThat(marchEmail.getN()).isEqualTo(10);
      assertThat(marchEmail.getValue()).isEqualTo(20.0);
      assertThat(marchEmail.getInterval().getLow()).isCloseTo(-30.33, org.assertj.core.api.Assertions.within(0.005));
      assertThat(marchEmail.getInterval().getHigh()).isCloseTo(61.10, org.assertj.core.api.Assertions.within(0.005));
      assertThat(marchEmail.getLowSample()).isTrue();
      assertThat(marchEmail.getFavourable()).isEqualTo(5);
      assertThat(marchEmail.getPassives()).isEqualTo(2);
      assertThat(marchEmail.getUnfavourable()).isEqualTo(3);
      assertThat(marchEmail.getDistributionList()).hasSize(7);
      assertThat(result.getTotalsList()).singleElement().satisfies(total -> {
        assertThat(total.getN()).isEqualTo(12);
        assertThat(total.getValue()).isCloseTo(100.0 * (6 - 4) / 12, org.assertj.core.api.Assertions.within(1e-9));
      });
    }

    @Test
    void csatAndCesAreReportedPerScaleWithWilsonAndTIntervals() {
      record(
          scored("c1", MARCH, Channel.CHANNEL_LINK, "csat", "CSAT", 5, 1, 5),
          scored("c2", MARCH, Channel.CHANNEL_LINK, "csat", "CSAT", 4, 1, 5),
          scored("c3", MARCH, Channel.CHANNEL_LINK, "csat", "CSAT", 2, 1, 5),
          scored("e1", MARCH, Channel.CHANNEL_LINK, "ces7", "CES", 6, 1, 7),
          scored("e2", MARCH, Channel.CHANNEL_LINK, "ces7", "CES", 3, 1, 7),
          scored("e3", MARCH, Channel.CHANNEL_LINK, "ces5", "CES", 4, 1, 5));

      var csat = scores().queryScores(QueryScoresRequest.newBuilder()
          .setMetric(ScoreMetric.SCORE_METRIC_CSAT).setFilter(ScoreFilter.newBuilder().addSurveyIds("s-score")).build());
      var total = csat.getTotalsList().get(0);
      assertThat(total.getN()).isEqualTo(3);
      assertThat(total.getFavourable()).isEqualTo(2);
      assertThat(total.getMean()).isCloseTo(11.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(total.hasMeanInterval()).isTrue();
      // Wilson 2/3: [20.77, 93.85]
      assertThat(total.getInterval().getLow()).isCloseTo(20.77, org.assertj.core.api.Assertions.within(0.005));
      assertThat(total.getInterval().getHigh()).isCloseTo(93.85, org.assertj.core.api.Assertions.within(0.005));

      var ces = scores().queryScores(QueryScoresRequest.newBuilder()
          .setMetric(ScoreMetric.SCORE_METRIC_CES).setFilter(ScoreFilter.newBuilder().addSurveyIds("s-score"))
          .addGroupBy(ScoreDimension.SCORE_DIMENSION_QUESTION).build());
      assertThat(ces.getCellsList()).extracting(Scores::key).containsExactly("ces5", "ces7");
      assertThat(ces.getCells(0).getScore().getScaleMax()).isEqualTo(5);
      assertThat(ces.getCells(0).getScore().getValue()).isEqualTo(100.0);
      assertThat(ces.getCells(1).getScore().getScaleMax()).isEqualTo(7);
      assertThat(ces.getCells(1).getScore().getValue()).isEqualTo(50.0);
      // never pooled across scales: two totals
      assertThat(ces.getTotalsList()).hasSize(2);
    }

    @Test
    void aTimeZoneOtherThanTheTenantsIsRefusedRatherThanShifted() throws Exception {
      var e = catchThrowableOfType(StatusRuntimeException.class, () -> scores().queryScores(QueryScoresRequest.newBuilder()
          .setMetric(ScoreMetric.SCORE_METRIC_NPS).setTimeZone("Europe/Paris").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("time_zone");
      var missing = catchThrowableOfType(StatusRuntimeException.class,
          () -> scores().queryScores(QueryScoresRequest.getDefaultInstance()));
      assertThat(violatedFields(missing)).containsExactly("metric");
    }

    @Test
    void comparesAPeriodWithThePreviousOne() {
      var batch = RecordResponsesRequest.newBuilder();
      // 2025-06: 50 promoters, 30 passives, 20 detractors; 2025-05: 35 / 30 / 35
      int n = 0;
      for (int[] spec : new int[][] {{50, 10, 6}, {30, 7, 6}, {20, 0, 6}, {35, 10, 5}, {30, 7, 5}, {35, 0, 5}}) {
        for (int i = 0; i < spec[0]; i++) {
          Instant at = Instant.parse(spec[2] == 6 ? "2025-06-15T10:00:00Z" : "2025-05-15T10:00:00Z");
          batch.addResponses(scored("cmp" + n++, at, Channel.CHANNEL_LINK, "nps-cmp", "NPS", spec[1], 0, 10));
        }
      }
      var request = batch.build();
      for (int from = 0; from < request.getResponsesCount(); from += 100) {
        tenant("scorer").recordResponses(RecordResponsesRequest.newBuilder()
            .addAllResponses(request.getResponsesList().subList(from, Math.min(from + 100, request.getResponsesCount())))
            .build());
      }

      CompareScoresResponse c = scores().compareScores(CompareScoresRequest.newBuilder()
          .setMetric(ScoreMetric.SCORE_METRIC_NPS)
          .setA(ScoreFilter.newBuilder().addSurveyIds("s-score").setQuestionId("nps-cmp")
              .setPeriod(DateRange.newBuilder().setStartDate("2025-06-01").setEndDate("2025-06-30")))
          .build());

      assertThat(c.getBPeriod().getStartDate()).isEqualTo("2025-05-02");
      assertThat(c.getBPeriod().getEndDate()).isEqualTo("2025-05-31");
      assertThat(c.getA().getN()).isEqualTo(100);
      assertThat(c.getB().getN()).isEqualTo(100);
      assertThat(c.getDifference()).isEqualTo(30.0);
      assertThat(c.getPValue()).isCloseTo(0.0096, org.assertj.core.api.Assertions.within(0.00005));
      assertThat(c.getSignificant()).isTrue();
    }
  }
}
