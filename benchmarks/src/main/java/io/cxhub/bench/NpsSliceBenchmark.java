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
import com.mongodb.client.model.InsertManyOptions;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.metrics.MetricsServiceApplication;
import io.cxhub.metrics.bucket.BucketKey;
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
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * <p>Loading: the synthetic responses are written straight into metrics-service's ledger
 * ({@code responses}, state SETTLED) and the buckets they produce are summed in memory and
 * written once ({@code buckets}, same ids and shape as ingestion writes) — the end state of
 * ingestion, not the ingestion path itself, which would take hours at 1M on this machine.
 * The ingestion path is measured separately on a sample through RecordResponses over gRPC.
 * A run checks that both reads give the same cells before it reports anything.
 */
public final class NpsSliceBenchmark {

  private static final String TENANT = "bench";
  private static final String[] CHANNELS = {"LINK", "EMAIL", "SMS", "QR", "IN_APP", "WEB_WIDGET"};
  private static final double[] CHANNEL_WEIGHTS = {0.30, 0.30, 0.10, 0.10, 0.10, 0.10};
  private static final String[] SEGMENTS = {"smb", "mid-market", "enterprise", "unassigned"};
  /** NPS answers 0..10: a typical B2C spread (NPS around +20). */
  private static final double[] NPS_WEIGHTS = {0.03, 0.01, 0.02, 0.03, 0.03, 0.07, 0.06, 0.10, 0.15, 0.20, 0.30};
  private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int responses = Integer.parseInt(opts.getOrDefault("responses", "1000000"));
    int surveys = Integer.parseInt(opts.getOrDefault("surveys", "3"));
    int bucketRuns = Integer.parseInt(opts.getOrDefault("bucket-runs", "200"));
    int rawRuns = Integer.parseInt(opts.getOrDefault("raw-runs", "5"));
    int ingestSample = Integer.parseInt(opts.getOrDefault("ingest-sample", "20000"));
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
        System.out.printf("loading %,d responses (%d surveys, 365 days, %d channels, %d segments)%n",
            responses, surveys, CHANNELS.length, SEGMENTS.length);
        double[] load = load(db, responses, surveys);
        System.out.printf("ledger: %,.0f responses/s; buckets: %,.0f written (%,.0f/s)%n", load[0], load[1], load[2]);

        double ingestRate = ingest(channel, ingestSample);
        System.out.printf("ingestion path (RecordResponses over gRPC, batches of 500): %,.0f responses/s%n", ingestRate);

        var scores = tenant(ScoreServiceGrpc.newBlockingStub(channel), TENANT);
        var request = QueryScoresRequest.newBuilder()
            .setMetric(ScoreMetric.SCORE_METRIC_NPS)
            .setFilter(ScoreFilter.newBuilder().addSurveyIds("s0")
                .setPeriod(DateRange.newBuilder().setStartDate("2025-01-01").setEndDate("2025-12-31")))
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_PERIOD)
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_CHANNEL)
            .setGranularity(PeriodGranularity.PERIOD_GRANULARITY_MONTH)
            .build();
        MongoCollection<Document> ledger = db.getCollection("responses");

        // same answer from both sides, or no figures
        var fromBuckets = cells(scores.withDeadlineAfter(60, TimeUnit.SECONDS).queryScores(request));
        var fromRaw = raw(ledger);
        if (!fromBuckets.equals(fromRaw)) {
          throw new IllegalStateException("bucket and raw slices differ:\n" + fromBuckets + "\n" + fromRaw);
        }
        System.out.printf("slice checked: %d cells, identical n/promoters/detractors from both paths%n",
            fromBuckets.size());

        long[] bucketTimes = time(5, bucketRuns, () -> scores.withDeadlineAfter(60, TimeUnit.SECONDS).queryScores(request));
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

  /** @return ledger docs/s, buckets written, bucket docs/s */
  private static double[] load(MongoDatabase db, int responses, int surveys) {
    var random = new Random(42);
    MongoCollection<Document> ledger = db.getCollection("responses");
    Map<String, BucketAgg> buckets = new HashMap<>();
    var batch = new ArrayList<Document>(1000);
    long started = System.nanoTime();
    Date received = new Date();
    for (int i = 0; i < responses; i++) {
      String survey = "s" + random.nextInt(surveys);
      LocalDate day = YEAR.plusDays(random.nextInt(365));
      Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
      String channel = CHANNELS[pick(random, CHANNEL_WEIGHTS)];
      String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
      int nps = pick(random, NPS_WEIGHTS);
      int csat = Math.max(1, Math.min(5, (nps + 1) / 2));
      String id = "r" + i;
      batch.add(new Document("_id", TENANT + ":" + id)
          .append("tenantId", TENANT).append("responseId", id).append("surveyId", survey).append("surveyVersion", 1)
          .append("channel", channel).append("submitTime", Date.from(at))
          .append("answers", List.of(
              new Document("questionId", "nps").append("kind", "NPS").append("score", nps)
                  .append("scaleMin", 0).append("scaleMax", 10),
              new Document("questionId", "csat").append("kind", "CSAT").append("score", csat)
                  .append("scaleMin", 1).append("scaleMax", 5)))
          .append("customerId", "c" + random.nextInt(200_000)).append("segment", segment)
          .append("state", "SETTLED").append("receivedAt", received).append("appliedAt", received)
          .append("settledAt", received));
      add(buckets, new BucketKey(TENANT, survey, "nps", day, channel, "", "", segment), "NPS", nps, 0, 10);
      add(buckets, new BucketKey(TENANT, survey, "csat", day, channel, "", "", segment), "CSAT", csat, 1, 5);
      if (batch.size() == 1000) {
        ledger.insertMany(batch, new InsertManyOptions().ordered(false));
        batch.clear();
        if ((i + 1) % 100_000 == 0) {
          System.out.printf("  %,d loaded%n", i + 1);
        }
      }
    }
    if (!batch.isEmpty()) {
      ledger.insertMany(batch);
    }
    double ledgerRate = responses / ((System.nanoTime() - started) / 1e9);

    long bucketsStarted = System.nanoTime();
    var docs = new ArrayList<Document>(1000);
    for (var agg : buckets.values()) {
      docs.add(agg.toDocument());
      if (docs.size() == 1000) {
        db.getCollection("buckets").insertMany(docs);
        docs.clear();
      }
    }
    if (!docs.isEmpty()) {
      db.getCollection("buckets").insertMany(docs);
    }
    double bucketRate = buckets.size() / ((System.nanoTime() - bucketsStarted) / 1e9);
    return new double[] {ledgerRate, buckets.size(), bucketRate};
  }

  private static void add(Map<String, BucketAgg> buckets, BucketKey key, String kind, int score, int min, int max) {
    buckets.computeIfAbsent(key.id(), id -> new BucketAgg(key, kind, min, max)).add(score);
  }

  /** A bucket's counters, in the shape MongoBuckets writes. */
  private static final class BucketAgg {
    final BucketKey key;
    final String kind;
    final int scaleMin;
    final int scaleMax;
    long count;
    long sum;
    long sumSq;
    final long[] hist = new long[11];

    BucketAgg(BucketKey key, String kind, int scaleMin, int scaleMax) {
      this.key = key;
      this.kind = kind;
      this.scaleMin = scaleMin;
      this.scaleMax = scaleMax;
    }

    void add(int score) {
      count++;
      sum += score;
      sumSq += (long) score * score;
      hist[score]++;
    }

    Document toDocument() {
      var h = new Document();
      for (int s = 0; s < hist.length; s++) {
        if (hist[s] > 0) {
          h.append(String.valueOf(s), hist[s]);
        }
      }
      var d = new Document("_id", key.id()).append("tenantId", key.tenantId()).append("surveyId", key.surveyId())
          .append("questionId", key.questionId()).append("day", key.dayText()).append("channel", key.channel())
          .append("stage", key.stage()).append("touchpoint", key.touchpoint()).append("segment", key.segment())
          .append("kind", kind).append("scaleMin", scaleMin).append("scaleMax", scaleMax)
          .append("pending", List.of()).append("count", count).append("sum", sum).append("sumSq", sumSq)
          .append("hist", h);
      if ("NPS".equals(kind)) {
        d.append("promoters", hist[9] + hist[10]).append("passives", hist[7] + hist[8])
            .append("detractors", Arrays.stream(hist, 0, 7).sum());
      }
      return d;
    }
  }

  /** Throughput of the real ingestion path: RecordResponses over gRPC, in another tenant. */
  private static double ingest(ManagedChannel channel, int sample) {
    if (sample <= 0) {
      return 0;
    }
    var random = new Random(7);
    var stub = tenant(MetricsServiceGrpc.newBlockingStub(channel), "bench-ingest");
    long started = System.nanoTime();
    for (int from = 0; from < sample; from += 500) {
      var request = RecordResponsesRequest.newBuilder();
      for (int i = from; i < Math.min(from + 500, sample); i++) {
        Instant at = YEAR.plusDays(random.nextInt(365)).atStartOfDay(ZoneOffset.UTC).toInstant();
        request.addResponses(RecordedResponse.newBuilder()
            .setResponseId("i" + i).setSurveyId("s" + random.nextInt(3)).setSurveyVersion(1)
            .setChannel(Channel.forNumber(1 + random.nextInt(2)))
            .setSubmitTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
            .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind("NPS")
                .setScore(pick(random, NPS_WEIGHTS)).setScaleMax(10)));
      }
      stub.withDeadlineAfter(120, TimeUnit.SECONDS).recordResponses(request.build());
    }
    return sample / ((System.nanoTime() - started) / 1e9);
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
        match(and(eq("tenantId", TENANT), eq("surveyId", "s0"), gte("submitTime", from), lt("submitTime", to))),
        unwind("$answers"),
        match(eq("answers.kind", "NPS")),
        group(new Document("month", new Document("$dateToString",
                new Document("format", "%Y-%m").append("date", "$submitTime"))).append("channel", "$channel"),
            Accumulators.sum("n", 1),
            Accumulators.sum("promoters", new Document("$cond",
                List.of(new Document("$gte", List.of("$answers.score", 9)), 1, 0))),
            Accumulators.sum("detractors", new Document("$cond",
                List.of(new Document("$lte", List.of("$answers.score", 6)), 1, 0)))));
    var result = new TreeMap<String, List<Long>>();
    ledger.aggregate(pipeline).allowDiskUse(true).forEach(d -> {
      Document id = d.get("_id", Document.class);
      result.put(id.getString("month") + "|" + id.getString("channel"), List.of(
          ((Number) d.get("n")).longValue(), ((Number) d.get("promoters")).longValue(),
          ((Number) d.get("detractors")).longValue()));
    });
    return result;
  }

  private static long[] time(int warmup, int runs, Runnable read) {
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
  private static double pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private static int pick(Random random, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static <S extends AbstractStub<S>> S tenant(S stub, String tenant) {
    var headers = new Metadata();
    headers.put(Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER), tenant);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static Map<String, String> options(String[] args) {
    var result = new HashMap<String, String>();
    for (String a : args) {
      if (a.startsWith("--") && a.contains("=")) {
        result.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    return result;
  }
}
