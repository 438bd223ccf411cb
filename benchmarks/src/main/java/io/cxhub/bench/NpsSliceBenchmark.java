package io.cxhub.bench;

import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.unwind;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.metrics.MetricsServiceApplication;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.PeriodGranularity;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreFilter;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Month-by-channel NPS slice: pre-aggregated buckets (through metrics-service's
 * QueryScores over gRPC, as a dashboard reads it) against a raw {@code $group} over the
 * recorded responses (driver straight to the database, so the raw side pays no gRPC), on
 * the embedded MongoDB with its H2 file store, in one run.
 *
 * <p>Loading goes through the real ingestion path: every synthetic response is sent with
 * RecordResponses over gRPC, in batches of 500 and in time order (as survey-service's relay
 * sends them), so the run measures ingest throughput and the buckets are exactly what
 * ingestion writes (day and month cubes, exactly-once evidence). A run checks that both
 * reads give the same cells before it reports anything.
 */
public final class NpsSliceBenchmark {

  private static final String TENANT = "bench";
  private static final double[] CHANNEL_WEIGHTS = {0.30, 0.30, 0.10, 0.10, 0.10, 0.10};
  private static final Channel[] CHANNEL_ENUMS = {Channel.CHANNEL_LINK, Channel.CHANNEL_EMAIL, Channel.CHANNEL_SMS,
      Channel.CHANNEL_QR, Channel.CHANNEL_IN_APP, Channel.CHANNEL_WEB_WIDGET};
  private static final String[] STAGES = {"discover", "buy", "deliver", "use"};
  /** NPS answers 0..10: a typical B2C spread (NPS around +20). */
  private static final double[] NPS_WEIGHTS = {0.03, 0.01, 0.02, 0.03, 0.03, 0.07, 0.06, 0.10, 0.15, 0.20, 0.30};
  private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int responses = Integer.parseInt(opts.getOrDefault("responses", "1000000"));
    int surveys = Integer.parseInt(opts.getOrDefault("surveys", "3"));
    int bucketRuns = Integer.parseInt(opts.getOrDefault("bucket-runs", "200"));
    int rawRuns = Integer.parseInt(opts.getOrDefault("raw-runs", "5"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "200"));
    Path dir = Files.createTempDirectory("cx-bench");
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    try (EmbeddedMongo mongo = EmbeddedMongo.startOnFreePort(dir);
        MongoClient client = MongoClients.create(mongo.connectionString("cx_metrics"));
        var app = MetricsServiceApplication.builder().run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
            "--spring.grpc.server.port=" + port,
            "--server.port=0",
            "--cx.metrics.ingest.sweep-interval=1h",
            "--logging.level.root=WARN")) {
      MongoDatabase db = client.getDatabase("cx_metrics");
      ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
      try {
        System.out.printf("loading %,d responses (%d surveys, 365 days, %d channels, %d stages)%n",
            responses, surveys, CHANNEL_ENUMS.length, STAGES.length);
        double ingestRate = load(channel, responses, surveys);
        System.out.printf("ingestion (RecordResponses over gRPC, batches of 500, time order): %,.0f responses/s%n",
            ingestRate);
        System.out.printf("cubes: %,d documents%n", db.getCollection("cubes").countDocuments());

        var scores = tenant(ScoreServiceGrpc.newBlockingStub(channel), TENANT);
        var request = QueryScoresRequest.newBuilder()
            .setMetric(ScoreMetric.SCORE_METRIC_NPS)
            .setFilter(ScoreFilter.newBuilder().addSurveyIds("s0")
                .setPeriod(DateRange.newBuilder().setStartDate("2025-01-01").setEndDate("2025-12-31")))
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_PERIOD)
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_CHANNEL)
            .setGranularity(PeriodGranularity.PERIOD_GRANULARITY_MONTH)
            .build();
        MongoCollection<Document> ledger = db.getCollection("recorded_responses");

        // same answer from both sides, or no figures
        var fromBuckets = cells(scores.withDeadlineAfter(60, TimeUnit.SECONDS).queryScores(request));
        var fromRaw = raw(ledger);
        if (!fromBuckets.equals(fromRaw)) {
          throw new IllegalStateException("bucket and raw slices differ:\n" + fromBuckets + "\n" + fromRaw);
        }
        System.out.printf("slice checked: %d cells, identical n/promoters/detractors from both paths%n",
            fromBuckets.size());

        // the load leaves gigabytes of garbage and a cold read path: collect it once, and let
        // the JIT compile the read path, before timing (as JMH's warm-up iterations do)
        System.gc();
        long[] bucketTimes = time(warmup, bucketRuns,
            () -> scores.withDeadlineAfter(60, TimeUnit.SECONDS).queryScores(request));
        long[] rawTimes = time(1, rawRuns, () -> raw(ledger));
        double bucketP50 = pct(bucketTimes, 50);
        double bucketP99 = pct(bucketTimes, 99);
        double rawP50 = pct(rawTimes, 50);
        double rawP99 = pct(rawTimes, 99);
        System.out.println();
        System.out.println("| read | runs | p50 (ms) | p99 (ms) |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| buckets (QueryScores over gRPC) | %d | %.2f | %.2f |%n", bucketRuns, bucketP50, bucketP99);
        System.out.printf("| raw $group over responses | %d | %.1f | %.1f |%n", rawRuns, rawP50, rawP99);
        System.out.printf("ratio raw/buckets: p50 %.0fx, p99 %.0fx%n", rawP50 / bucketP50, rawP99 / bucketP99);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Sends the responses through RecordResponses, day by day (each day's responses in random
   * order of survey, channel, segment and score).
   *
   * @return responses/s
   */
  private static double load(ManagedChannel channel, int responses, int surveys) {
    var random = new Random(42);
    var stub = tenant(MetricsServiceGrpc.newBlockingStub(channel), TENANT);
    int perDay = responses / 365;
    int extra = responses % 365;
    int id = 0;
    long started = System.nanoTime();
    var batch = RecordResponsesRequest.newBuilder();
    for (int d = 0; d < 365; d++) {
      LocalDate day = YEAR.plusDays(d);
      int today = perDay + (d < extra ? 1 : 0);
      var seconds = new int[today];
      for (int i = 0; i < today; i++) {
        seconds[i] = random.nextInt(86_400);
      }
      Arrays.sort(seconds);
      for (int i = 0; i < today; i++) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds[i]);
        int nps = pick(random, NPS_WEIGHTS);
        int csat = Math.max(1, Math.min(5, (nps + 1) / 2));
        batch.addResponses(RecordedResponse.newBuilder()
            .setResponseId("r" + id++).setSurveyId("s" + random.nextInt(surveys)).setSurveyVersion(1)
            .setChannel(CHANNEL_ENUMS[pick(random, CHANNEL_WEIGHTS)])
            .setSubmitTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
            .setStageId(STAGES[random.nextInt(STAGES.length)])
            .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(nps).setScaleMax(10))
            .addAnswers(RecordedAnswer.newBuilder().setQuestionId("csat").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_CSAT).setScore(csat)
                .setScaleMin(1).setScaleMax(5)));
        if (batch.getResponsesCount() == 500) {
          stub.withDeadlineAfter(120, TimeUnit.SECONDS).recordResponses(batch.build());
          batch.clear();
          if (id % 100_000 == 0) {
            System.out.printf("  %,d recorded (%,.0f/s)%n", id, id / ((System.nanoTime() - started) / 1e9));
          }
        }
      }
    }
    if (batch.getResponsesCount() > 0) {
      stub.withDeadlineAfter(120, TimeUnit.SECONDS).recordResponses(batch.build());
    }
    return responses / ((System.nanoTime() - started) / 1e9);
  }

  private static Map<String, List<Long>> cells(QueryScoresResponse response) {
    var result = new TreeMap<String, List<Long>>();
    response.getCellsList().forEach(c -> result.put(
        c.getKey(0).getValue().substring(0, 7) + "|" + c.getKey(1).getValue(),
        List.of(c.getScore().getN(), c.getScore().getFavourable(), c.getScore().getUnfavourable())));
    return result;
  }

  private static Map<String, List<Long>> raw(MongoCollection<Document> ledger) {
    Date from = Date.from(Instant.parse("2025-01-01T00:00:00Z"));
    Date to = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    List<Bson> pipeline = List.of(
        match(and(eq("tenantId", TENANT), eq("item.surveyId", "s0"), gte("item.submitTime", from),
            lt("item.submitTime", to))),
        unwind("$item.answers"),
        match(eq("item.answers.kind", "NPS")),
        group(new Document("month", new Document("$dateToString",
                new Document("format", "%Y-%m").append("date", "$item.submitTime"))).append("channel", "$item.channel"),
            Accumulators.sum("n", 1),
            Accumulators.sum("promoters", new Document("$cond",
                List.of(new Document("$gte", List.of("$item.answers.score", 9)), 1, 0))),
            Accumulators.sum("detractors", new Document("$cond",
                List.of(new Document("$lte", List.of("$item.answers.score", 6)), 1, 0)))));
    var result = new TreeMap<String, List<Long>>();
    ledger.aggregate(pipeline).allowDiskUse(true).forEach(d -> {
      Document id = d.get("_id", Document.class);
      result.put(id.getString("month") + "|" + id.getString("channel"), List.of(
          ((Number) d.get("n")).longValue(), ((Number) d.get("promoters")).longValue(),
          ((Number) d.get("detractors")).longValue()));
    });
    return result;
  }

  static long[] time(int warmup, int runs, Runnable read) {
    for (int i = 0; i < warmup; i++) {
      read.run();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      read.run();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** Nearest-rank percentile of sorted nanos, in ms. */
  static double pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  static int pick(Random random, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Calls as the gateway would: signed caller tokens that the in-JVM service trusts (ephemeral keys). */
  static <S extends AbstractStub<S>> S tenant(S stub, String tenant) {
    var tokens = new io.cxhub.kit.trust.CallerTokens(io.cxhub.kit.trust.TrustKeys.ephemeral("benchmark"));
    return stub.withInterceptors(io.cxhub.kit.trust.SignedCalls.forTenant(tokens, tenant));
  }

  static Map<String, String> options(String[] args) {
    var result = new HashMap<String, String>();
    for (String a : args) {
      if (a.startsWith("--") && a.contains("=")) {
        result.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    return result;
  }
}
