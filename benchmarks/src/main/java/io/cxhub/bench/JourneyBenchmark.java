package io.cxhub.bench;

import static io.cxhub.bench.NpsSliceBenchmark.options;
import static io.cxhub.bench.NpsSliceBenchmark.pct;
import static io.cxhub.bench.NpsSliceBenchmark.pick;
import static io.cxhub.bench.NpsSliceBenchmark.tenant;
import static io.cxhub.bench.NpsSliceBenchmark.time;

import com.google.protobuf.Timestamp;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.journey.JourneyServiceApplication;
import io.cxhub.metrics.MetricsServiceApplication;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.journey.v1.ActionIndicator;
import io.cxhub.proto.journey.v1.ActionStatus;
import io.cxhub.proto.journey.v1.ActionTarget;
import io.cxhub.proto.journey.v1.BlueprintElement;
import io.cxhub.proto.journey.v1.BlueprintLane;
import io.cxhub.proto.journey.v1.CreateActionRequest;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.GetFrictionRequest;
import io.cxhub.proto.journey.v1.GetLiveJourneyRequest;
import io.cxhub.proto.journey.v1.ImprovementAction;
import io.cxhub.proto.journey.v1.ImprovementActionServiceGrpc;
import io.cxhub.proto.journey.v1.IndicatorBinding;
import io.cxhub.proto.journey.v1.IndicatorKind;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyInsightServiceGrpc;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.JourneySlice;
import io.cxhub.proto.journey.v1.MeasureActionRequest;
import io.cxhub.proto.journey.v1.MeasurementPlan;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import io.cxhub.proto.journey.v1.Availability;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The journey reads of issue 10 at scale: a 12-stage journey with 40 touchpoints over a year
 * of responses recorded through metrics-service's RecordResponses (the real ingestion path),
 * then journey-service's GetLiveJourney (a month), GetFriction (a month) and MeasureAction
 * (two 28-day windows with a difference-in-differences) over gRPC, timed. metrics-service
 * and journey-service run as applications in this JVM on the embedded MongoDB (H2 file
 * store); survey-service is absent (verbatims and alerts fall back at once).
 *
 * <p>Run: {@code java -Dloader.main=io.cxhub.bench.JourneyBenchmark -cp benchmarks/target/benchmarks.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --responses=1000000}.
 */
public final class JourneyBenchmark {

  private static final String TENANT = "bench";
  static final int STAGES = 12;
  static final int TOUCHPOINTS = 40;
  private static final double[] NPS_WEIGHTS = {0.03, 0.01, 0.02, 0.03, 0.03, 0.07, 0.06, 0.10, 0.15, 0.20, 0.30};
  /** The friction stage: answers skewed low. */
  private static final double[] BAD_WEIGHTS = {0.10, 0.05, 0.08, 0.10, 0.10, 0.12, 0.10, 0.10, 0.10, 0.08, 0.07};

  public static void main(String[] args) throws Exception {
    var opts = options(args);
    int responses = Integer.parseInt(opts.getOrDefault("responses", "1000000"));
    int runs = Integer.parseInt(opts.getOrDefault("runs", "200"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "50"));
    var dir = Files.createTempDirectory("cx-journey-bench");
    int metricsPort = freePort();
    int journeyPort = freePort();
    int deadPort = freePort();
    try (var mongo = EmbeddedMongo.startOnFreePort(dir);
        var metrics = MetricsServiceApplication.builder().run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
            "--spring.grpc.server.port=" + metricsPort, "--server.port=0",
            "--cx.metrics.ingest.sweep-interval=1h", "--cx.metrics.alerts.enabled=false",
            "--cx.peers.survey=localhost:" + deadPort, "--cx.peers.persona=localhost:" + deadPort,
            "--logging.level.root=WARN");
        var journeys = JourneyServiceApplication.builder().run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_journey"),
            "--spring.grpc.server.port=" + journeyPort, "--server.port=0",
            "--cx.peers.metrics=localhost:" + metricsPort, "--cx.peers.survey=localhost:" + deadPort,
            "--cx.journey.watch-enabled=false", "--cx.journey.metrics-deadline=10s",
            "--logging.level.root=WARN")) {
      ManagedChannel toMetrics = NettyChannelBuilder.forAddress("localhost", metricsPort).usePlaintext().build();
      ManagedChannel toJourneys = NettyChannelBuilder.forAddress("localhost", journeyPort).usePlaintext().build();
      try {
        var journey = tenant(JourneyServiceGrpc.newBlockingStub(toJourneys), TENANT).withDeadlineAfter(30, TimeUnit.SECONDS)
            .createJourney(CreateJourneyRequest.newBuilder().setJourney(journey()).build());
        System.out.printf("loading %,d responses over 2025 at %d stages / %d touchpoints%n", responses, STAGES, TOUCHPOINTS);
        long start = System.nanoTime();
        load(toMetrics, responses);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded in %.0f s (%.0f responses/s)%n", seconds, responses / seconds);

        var insights = tenant(JourneyInsightServiceGrpc.newBlockingStub(toJourneys), TENANT);
        var november = JourneySlice.newBuilder().setPeriod(DateRange.newBuilder().setStartDate("2025-11-01")
            .setEndDate("2025-11-30")).build();
        var live = GetLiveJourneyRequest.newBuilder().setJourneyId(journey.getJourneyId()).setSlice(november).build();
        var check = insights.withDeadlineAfter(30, TimeUnit.SECONDS).getLiveJourney(live);
        if (check.getAvailability() != Availability.AVAILABILITY_OK) {
          throw new IllegalStateException("live journey degraded: " + check.getNotesList());
        }
        System.out.printf("live journey: NPS %.1f over %d answers in November%n", check.getNps().getValue(),
            check.getNps().getN());
        var friction = GetFrictionRequest.newBuilder().setJourneyId(journey.getJourneyId()).setSlice(november).build();
        var report = insights.withDeadlineAfter(30, TimeUnit.SECONDS).getFriction(friction);
        System.out.printf("friction: %d points, first %s impact %.1f%n", report.getFrictionPointsCount(),
            report.getFrictionPointsCount() == 0 ? "-" : report.getFrictionPoints(0).getFrictionId(),
            report.getFrictionPointsCount() == 0 ? 0 : report.getFrictionPoints(0).getImpact());

        var actions = tenant(ImprovementActionServiceGrpc.newBlockingStub(toJourneys), TENANT);
        var action = actions.withDeadlineAfter(30, TimeUnit.SECONDS).createAction(CreateActionRequest.newBuilder()
            .setJourneyId(journey.getJourneyId()).setAction(ImprovementAction.newBuilder().setTitle("bench")
                .setOwnerTeam("ops").setTarget(ActionTarget.newBuilder().setStageId("s5"))
                .setTargetIndicator(ActionIndicator.ACTION_INDICATOR_NPS).setShipDate("2025-10-01")
                .setStatus(ActionStatus.ACTION_STATUS_SHIPPED)
                .setMeasurement(MeasurementPlan.newBuilder().setWindowDays(28).setSettlingDays(7))).build());
        var measure = MeasureActionRequest.newBuilder().setActionId(action.getActionId()).build();

        long[] liveNanos = time(warmup, runs, () -> insights.withDeadlineAfter(30, TimeUnit.SECONDS).getLiveJourney(live));
        long[] frictionNanos = time(warmup / 5, Math.max(20, runs / 5),
            () -> insights.withDeadlineAfter(30, TimeUnit.SECONDS).getFriction(friction));
        long[] measureNanos = time(warmup / 5, Math.max(20, runs / 5),
            () -> actions.withDeadlineAfter(30, TimeUnit.SECONDS).measureAction(measure));
        System.out.printf("%-40s %6s %10s %10s%n", "read", "runs", "p50 ms", "p99 ms");
        row("GetLiveJourney (12 stages, 40 tps, month)", liveNanos);
        row("GetFriction (month)", frictionNanos);
        row("MeasureAction (2 × 28 days, DiD)", measureNanos);
      } finally {
        toMetrics.shutdownNow();
        toJourneys.shutdownNow();
      }
    }
  }

  private static void row(String what, long[] nanos) {
    System.out.printf("%-40s %6d %10.2f %10.2f%n", what, nanos.length, pct(nanos, 50), pct(nanos, 99));
  }

  static Journey journey() {
    var b = Journey.newBuilder().setName("Bench journey");
    int tp = 0;
    for (int s = 0; s < STAGES; s++) {
      var stage = Stage.newBuilder().setStageId("s" + s).setName("Stage " + s);
      int count = s < TOUCHPOINTS % STAGES ? TOUCHPOINTS / STAGES + 1 : TOUCHPOINTS / STAGES;
      for (int t = 0; t < count; t++, tp++) {
        stage.addTouchpoints(Touchpoint.newBuilder().setTouchpointId("t" + tp).setName("Touchpoint " + tp)
            .setChannel(Channel.CHANNEL_EMAIL));
      }
      stage.addBlueprint(BlueprintElement.newBuilder().setElementId("e" + s).setName("Backstage " + s)
          .setLane(BlueprintLane.BLUEPRINT_LANE_BACKSTAGE).setOwnerTeam("team-" + s)
          .setIndicator(IndicatorBinding.newBuilder().setKind(IndicatorKind.INDICATOR_KIND_FCR).setTeam("team-" + s)));
      b.addStages(stage);
    }
    return b.build();
  }

  /** Responses spread over 2025, each at one touchpoint (and its stage), with an NPS and a CSAT answer. */
  private static void load(ManagedChannel channel, int responses) {
    var random = new Random(42);
    var stub = tenant(MetricsServiceGrpc.newBlockingStub(channel), TENANT);
    var batch = RecordResponsesRequest.newBuilder();
    long firstDay = LocalDate.of(2025, 1, 1).toEpochDay();
    for (int i = 0; i < responses; i++) {
      long day = firstDay + (long) i * 365 / responses;
      int tp = random.nextInt(TOUCHPOINTS);
      int stage = stageOf(tp);
      int nps = pick(random, stage == 7 ? BAD_WEIGHTS : NPS_WEIGHTS);
      long seconds = LocalDate.ofEpochDay(day).atTime(8, 0).toEpochSecond(ZoneOffset.UTC) + random.nextInt(36_000);
      batch.addResponses(RecordedResponse.newBuilder().setResponseId("r" + i).setSurveyId("survey-" + (i % 3))
          .setSurveyVersion(1).setChannel(Channel.CHANNEL_EMAIL).setSubmitTime(Timestamp.newBuilder().setSeconds(seconds))
          .setStageId("s" + stage).setTouchpointId("t" + tp)
          .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(nps).setScaleMin(0).setScaleMax(10))
          .addAnswers(RecordedAnswer.newBuilder().setQuestionId("csat").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_CSAT)
              .setScore(Math.max(1, Math.min(5, 1 + nps / 2))).setScaleMin(1).setScaleMax(5)));
      if (batch.getResponsesCount() == 500 || i == responses - 1) {
        stub.withDeadlineAfter(120, TimeUnit.SECONDS).recordResponses(batch.build());
        batch.clear();
        if ((i + 1) % 100_000 == 0) {
          System.out.printf("  %,d%n", i + 1);
        }
      }
    }
  }

  static int stageOf(int touchpoint) {
    int tp = 0;
    for (int s = 0; s < STAGES; s++) {
      int count = s < TOUCHPOINTS % STAGES ? TOUCHPOINTS / STAGES + 1 : TOUCHPOINTS / STAGES;
      if (touchpoint < tp + count) {
        return s;
      }
      tp += count;
    }
    return STAGES - 1;
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
