package io.cxhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.mongo.BenchResponseDocuments;
import io.cxhub.survey.survey.QuestionKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Issue 9's scale scenarios against a real one-jar ({@code cx-hub.jar}, {@code -Xmx768m}) in
 * a child process, with up to 1,000,000 stored responses over 12 months and 3 surveys. One
 * command runs every scenario and appends a dated table (with the machine's load) to
 * {@code docs/benchmarks.md}; see the section "Scale of the embedded default" there.
 *
 * <p>Loading: the surveys are created through the gateway; the responses are written
 * straight into the one-jar's embedded MongoDB in survey-service's stored form (as the
 * service writes them, delivered to metrics already), because a million submissions through
 * the gateway would take hours. The relay backlog is loaded the same way, pending.
 */
public final class ScaleBenchmark {

  private static final String KEY = "cxk_bench_scale_0123456789abcdef0123456789";
  private static final String TENANT = "default";
  private static final Instant YEAR_START = Instant.parse("2025-12-01T00:00:00Z");
  private static final long YEAR_SECONDS = 365L * 24 * 3600;
  /** survey-service's outbox subscribers in the one-jar: the metrics relay and alert evaluation. */
  private static final List<String> SUBSCRIBERS = List.of("metrics", "alerts");
  /** Surveys get 10, 5 and 1 parts of the responses: exporting s0 and s2 shows linearity (10:1). */
  private static final int[] SURVEY_PARTS = {10, 5, 1};

  private final Map<String, String> opts;
  private final Path jar;
  private final Path dataDir;
  private final int basePort;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> results = new LinkedHashMap<>();
  private final List<String> surveyIds = new ArrayList<>();
  private Process hub;
  /** Signs the direct gRPC calls (see startHub): the hub trusts this key besides its own ephemeral ones. */
  private io.cxhub.kit.trust.CallerTokens directTokens;

  private ScaleBenchmark(Map<String, String> opts) throws IOException {
    this.opts = opts;
    this.jar = Path.of(opts.getOrDefault("jar", "deploy/local/target/cx-hub.jar")).toAbsolutePath();
    this.dataDir = opts.containsKey("data-dir") ? Files.createDirectories(Path.of(opts.get("data-dir")))
        : Files.createTempDirectory("cx-scale-");
    this.basePort = Integer.parseInt(opts.getOrDefault("base-port", "23080"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    new ScaleBenchmark(opts).run();
  }

  private int responses() {
    return Integer.parseInt(opts.getOrDefault("responses", "1000000"));
  }

  private void run() throws Exception {
    String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    String loadBefore = loadAverage();
    try {
      startHub();
      createSurveys();
      if ("gateway".equals(opts.get("only"))) {
        // the gateway-cost scenario alone, on an empty hub (for profiling it): no table written
        gatewayCost();
        results.forEach((k, v) -> log("%s: %s", k, v));
        return;
      }
      int backlog = Integer.parseInt(opts.getOrDefault("backlog", String.valueOf(Math.max(1000, responses() / 50))));
      load(responses() - backlog, OutboxState.DELIVERED, 0);
      listScenarios();
      exportDuringRelayAndSubmissions(backlog);
      exportLinearity();
      exportNdjson();
      gatewayCost();
      ingest();
      idleCpu();
      heapAtRest();
      restart();
    } finally {
      stopHub();
    }
    write(started, loadBefore);
  }

  // ---------------------------------------------------------------- the one-jar

  private void startHub() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CX_DATA_DIR", dataDir.toString());
    env.put("CX_MONGO_PORT", String.valueOf(basePort + 7));
    env.put("GATEWAY_PORT", String.valueOf(basePort));
    String[] services = {"SURVEY", "METRICS", "PERSONA", "JOURNEY"};
    for (int i = 0; i < services.length; i++) {
      env.put(services[i] + "_GRPC_PORT", String.valueOf(basePort + 1 + i));
      env.put(services[i] + "_HTTP_PORT", String.valueOf(basePort + 10 + i));
    }
    env.put("CX_BOOTSTRAP_API_KEY", KEY);
    // the direct gRPC calls of gatewayCost() sign with a key of the benchmark's own, which the
    // hub trusts besides its ephemeral keys
    Path trust = dataDir.resolve("trust");
    io.cxhub.kit.trust.TrustKeys.generateKeyPair(trust.resolve("benchmark-key.pem"),
        trust.resolve("trusted").resolve("benchmark.pem"));
    env.put("CX_TRUST_TRUSTED_KEYS", trust.resolve("trusted").toString());
    directTokens = new io.cxhub.kit.trust.CallerTokens(
        io.cxhub.kit.trust.TrustKeys.fromFiles("benchmark", trust.resolve("benchmark-key.pem"), List.of()));
    env.put("GATEWAY_RATE_PER_KEY", "100000000");
    env.put("GATEWAY_RATE_PUBLIC_PER_ADDRESS", "100000000");
    env.put("GATEWAY_RATE_PUBLIC_PER_RESOURCE", "100000000");
    env.put("GATEWAY_RATE_PUBLIC_PER_ADDRESS_ALL_ROUTES", "100000000");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + opts.getOrDefault("xmx", "768m"), "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("hub.log").toFile());
    builder.environment().putAll(env);
    long t0 = System.nanoTime();
    hub = builder.start();
    waitReady(Duration.ofMinutes(10));
    log("hub ready in %.1f s (pid %d)", (System.nanoTime() - t0) / 1e9, hub.pid());
  }

  private void waitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!hub.isAlive()) {
        throw new IllegalStateException("the hub exited; see " + dataDir.resolve("hub.log"));
      }
      try {
        if (get("/v1/surveys?pageSize=1").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the hub was not ready in " + timeout);
  }

  private void stopHub() throws InterruptedException {
    if (hub != null && hub.isAlive()) {
      hub.destroy();
      if (!hub.waitFor(60, TimeUnit.SECONDS)) {
        hub.destroyForcibly();
      }
    }
  }

  private MongoClient mongo() {
    return MongoClients.create("mongodb://127.0.0.1:" + (basePort + 7));
  }

  // ---------------------------------------------------------------- loading

  private void createSurveys() throws Exception {
    for (int s = 0; s < SURVEY_PARTS.length; s++) {
      String body = "{\"title\":\"Scale " + s + "\",\"questions\":["
          + "{\"questionId\":\"nps\",\"kind\":\"QUESTION_KIND_NPS\",\"text\":\"Recommend?\",\"required\":true},"
          + "{\"questionId\":\"why\",\"kind\":\"QUESTION_KIND_FREE_TEXT\",\"text\":\"Why?\"}]}";
      HttpResponse<String> created = post("/v1/surveys", body, true);
      Matcher m = Pattern.compile("\"surveyId\":\"([^\"]+)\"").matcher(created.body());
      if (created.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException("survey not created: " + created.statusCode() + " " + created.body());
      }
      surveyIds.add(m.group(1));
    }
  }

  /** Writes {@code count} responses spread over 12 months, in time order, 1,000 per insertMany. */
  private void load(int count, OutboxState state, int offset) {
    Random random = new Random(42 + offset);
    int parts = 0;
    for (int p : SURVEY_PARTS) {
      parts += p;
    }
    long t0 = System.nanoTime();
    try (MongoClient client = mongo()) {
      MongoDatabase db = client.getDatabase("cx_survey");
      db.getCollection(BenchResponseDocuments.tenantsCollection())
          .replaceOne(new Document("_id", TENANT), new Document("_id", TENANT).append("tenantId", TENANT),
              new com.mongodb.client.model.ReplaceOptions().upsert(true));
      MongoCollection<Document> collection = db.getCollection(BenchResponseDocuments.collection());
      List<Document> batch = new ArrayList<>(1000);
      for (int i = 0; i < count; i++) {
        int slot = random.nextInt(parts);
        int survey = slot < SURVEY_PARTS[0] ? 0 : slot < SURVEY_PARTS[0] + SURVEY_PARTS[1] ? 1 : 2;
        Instant at = state == OutboxState.PENDING ? Instant.now().minusSeconds(count - i)
            : YEAR_START.plusSeconds(YEAR_SECONDS * i / Math.max(1, count));
        int score = random.nextInt(11);
        List<ResponseAnswer> answers = new ArrayList<>();
        answers.add(new ResponseAnswer("nps", QuestionKind.NPS, 0, 10, new AnswerValue.Score(score)));
        if (random.nextInt(3) == 0) {
          answers.add(new ResponseAnswer("why", QuestionKind.FREE_TEXT, 0, 0,
              new AnswerValue.Text("comment " + i + " about delivery")));
        }
        Outbox outbox = state == OutboxState.PENDING ? Outbox.pending(at, SUBSCRIBERS) : delivered(at);
        SurveyResponse response = SurveyResponse.builder().tenantId(TENANT)
            .responseId(String.format("b%d-%09d", offset, i)).surveyId(surveyIds.get(survey)).surveyVersion(1)
            .channel(Channel.values()[1 + random.nextInt(4)]).answers(answers).submitTime(at).outbox(outbox).build();
        Document document = BenchResponseDocuments.toDocument(response);
        batch.add(document);
        if (batch.size() == 1000) {
          collection.insertMany(batch);
          batch.clear();
          if ((i + 1) % 100_000 == 0) {
            log("loaded %,d / %,d (%.0f /s)", i + 1, count, (i + 1) / ((System.nanoTime() - t0) / 1e9));
          }
        }
      }
      if (!batch.isEmpty()) {
        collection.insertMany(batch);
      }
      if (state == OutboxState.PENDING) {
        // as the service's inserts do: the pending counters that the lag gauge and the workers read
        Document inc = new Document();
        SUBSCRIBERS.forEach(name -> inc.append("pending." + name, (long) count));
        db.getCollection(BenchResponseDocuments.tenantsCollection())
            .updateOne(new Document("_id", TENANT), new Document("$inc", inc));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    log("loaded %,d %s responses in %.0f s", count, state, seconds);
    if (state == OutboxState.DELIVERED) {
      results.put("stored responses (3 surveys, 10:5:1, over 12 months)", String.format("%,d", count));
      results.put("bulk load (insertMany of 1,000, stored form)", String.format("%,.0f docs/s", count / seconds));
    }
  }

  private static Outbox delivered(Instant at) {
    Map<String, Outbox.Delivery> map = new LinkedHashMap<>();
    SUBSCRIBERS.forEach(name -> map.put(name, new Outbox.Delivery(OutboxState.DELIVERED, 0, at, at, null)));
    return new Outbox(map);
  }

  // ---------------------------------------------------------------- scenarios

  private void listScenarios() throws Exception {
    int runs = Integer.parseInt(opts.getOrDefault("list-runs", "200"));
    String s0 = surveyIds.get(0);
    String base = "/v1/responses?pageSize=50&surveyId=" + s0;
    String filtered = base + "&npsCategory=NPS_CATEGORY_DETRACTOR&comment=COMMENT_FILTER_WITH_COMMENT";
    measureList("list, first page, survey filter", base, runs);
    measureList("list, first page, survey + NPS category + comment filters", filtered, runs);
    int depth = Integer.parseInt(opts.getOrDefault("deep-pages", "200"));
    measureList("list, page " + (depth + 1) + ", survey filter", deepToken(base, depth), runs);
    measureList("list, page " + (depth + 1) + ", survey + NPS category + comment filters", deepToken(filtered, depth),
        runs);
  }

  private String deepToken(String path, int pages) throws Exception {
    String token = "";
    for (int i = 0; i < pages; i++) {
      HttpResponse<String> page = get(path + (token.isEmpty() ? "" : "&pageToken=" + token));
      Matcher m = Pattern.compile("\"nextPageToken\":\"([^\"]+)\"").matcher(page.body());
      if (!m.find()) {
        log("only %d pages for %s", i + 1, path);
        break;
      }
      token = m.group(1);
    }
    return path + (token.isEmpty() ? "" : "&pageToken=" + token);
  }

  private void measureList(String name, String path, int runs) throws Exception {
    for (int i = 0; i < Math.min(20, runs); i++) {
      get(path);
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(path);
      nanos[i] = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(name + ": HTTP " + r.statusCode() + " " + r.body());
      }
    }
    results.put(name + " (p50 / p99, " + runs + " runs)", ms(percentile(nanos, 50)) + " / " + ms(percentile(nanos, 99)));
    log("%s: p50 %s p99 %s", name, ms(percentile(nanos, 50)), ms(percentile(nanos, 99)));
  }

  /** Export of the biggest survey while the relay catches up a backlog and respondents submit. */
  private void exportDuringRelayAndSubmissions(int backlog) throws Exception {
    load(backlog, OutboxState.PENDING, 1);
    long relayStart = System.nanoTime();
    AtomicBoolean exporting = new AtomicBoolean(true);
    List<Long> submissions = new ArrayList<>();
    AtomicLong submitErrors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> submitter = pool.submit(() -> {
      int i = 0;
      while (exporting.get()) {
        long t0 = System.nanoTime();
        try {
          int code = submit(surveyIds.get(1), i++).statusCode();
          if (code != 200) {
            submitErrors.incrementAndGet();
          }
        } catch (Exception e) {
          submitErrors.incrementAndGet();
        }
        synchronized (submissions) {
          submissions.add(System.nanoTime() - t0);
        }
        sleepQuietly(50);
      }
      return null;
    });
    Future<Double> relay = pool.submit(() -> waitRelayCaughtUp(relayStart, backlog));
    long[] export = export(surveyIds.get(0), true);
    exporting.set(false);
    submitter.get();
    long[] sub = submissions.stream().mapToLong(Long::longValue).toArray();
    results.put("export of survey s0 through the gateway (rows, s, rows/s, heap used max during it)",
        String.format("%,d rows, %.1f s, %,.0f rows/s, %s", export[0], export[1] / 1e9, export[0] / (export[1] / 1e9),
            mb(export[2])));
    results.put("submission during that export and the relay catch-up (p50 / p99, n, errors)",
        ms(percentile(sub, 50)) + " / " + ms(percentile(sub, 99)) + ", " + sub.length + ", " + submitErrors.get());
    Double rate = relay.get(30, TimeUnit.MINUTES);
    results.put("relay catch-up of a " + String.format("%,d", backlog) + " backlog (during the export)",
        rate == null ? "not caught up" : String.format("%,.0f responses/s", rate));
    pool.shutdown();
  }

  private Double waitRelayCaughtUp(long since, int backlog) throws Exception {
    try (MongoClient client = mongo()) {
      MongoCollection<Document> c = client.getDatabase("cx_survey").getCollection(BenchResponseDocuments.collection());
      while (System.nanoTime() - since < TimeUnit.MINUTES.toNanos(30)) {
        // through the subscriber's due index (tenantId, outbox.metrics.due): reads only what is pending
        long pending = c.countDocuments(new Document("tenantId", TENANT)
            .append("outbox.metrics.due", new Document("$gte", new java.util.Date(0))));
        if (pending == 0) {
          double seconds = (System.nanoTime() - since) / 1e9;
          log("relay caught up %,d in %.1f s", backlog, seconds);
          return backlog / seconds;
        }
        Thread.sleep(500);
      }
    }
    return null;
  }

  private void exportLinearity() throws Exception {
    long[] small = export(surveyIds.get(2), false);
    long[] big = export(surveyIds.get(0), false);
    double ratio = (big[1] / (double) small[1]) / (big[0] / (double) small[0]);
    results.put("export linearity: time per row of s0 / of s2 (10× the rows; ≤ 1.2 is linear)",
        String.format("%.2f (%,d rows in %.1f s vs %,d rows in %.1f s)", ratio, big[0], big[1] / 1e9, small[0],
            small[1] / 1e9));
  }

  /** Rows, nanoseconds and (when sampled) the hub's largest used heap during the export. */
  private long[] export(String surveyId, boolean sampleHeap) throws Exception {
    return export(surveyId, sampleHeap, "", 1);
  }

  /** @param headerLines lines before the first row (1 for CSV, 0 for NDJSON) */
  private long[] export(String surveyId, boolean sampleHeap, String query, int headerLines) throws Exception {
    AtomicLong maxHeap = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampleHeap && running.get()) {
        maxHeap.accumulateAndGet(heapUsed(false), Math::max);
        sleepQuietly(1000);
      }
    });
    sampler.start();
    long t0 = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(uri("/v1/surveys/" + surveyId + "/responses:export?"
            + (query.isEmpty() ? "" : query.substring(1))))
        .header("Authorization", "Bearer " + KEY).timeout(Duration.ofMinutes(60)).GET().build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long lines = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    long nanos = System.nanoTime() - t0;
    running.set(false);
    sampler.join();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("export: HTTP " + response.statusCode());
    }
    log("export %s%s: %,d rows in %.1f s", surveyId, query, lines - headerLines, nanos / 1e9);
    return new long[] {lines - headerLines, nanos, maxHeap.get()};
  }

  private void exportNdjson() throws Exception {
    long[] ndjson = export(surveyIds.get(0), false, "&format=EXPORT_FORMAT_NDJSON", 0);
    results.put("export of survey s0 as NDJSON (rows, s, rows/s)",
        String.format("%,d rows, %.1f s, %,.0f rows/s", ndjson[0], ndjson[1] / 1e9, ndjson[0] / (ndjson[1] / 1e9)));
  }

  /**
   * {@code GET /v1/surveys/{id}} through the gateway against {@code GetSurvey} straight to
   * survey-service over gRPC (what the gateway calls), at 1 and 16 concurrent clients.
   */
  private void gatewayCost() throws Exception {
    int seconds = Integer.parseInt(opts.getOrDefault("gateway-seconds", "15"));
    String surveyId = surveyIds.get(0);
    io.grpc.ManagedChannel channel = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", basePort + 1,
        io.grpc.InsecureChannelCredentials.create()).build();
    try {
      var stub = io.cxhub.proto.survey.v1.SurveyServiceGrpc.newBlockingStub(channel)
          .withInterceptors(io.cxhub.kit.trust.SignedCalls.forTenant(directTokens, TENANT));
      var request = io.cxhub.proto.survey.v1.GetSurveyRequest.newBuilder().setSurveyId(surveyId).build();
      Call direct = i -> stub.getSurvey(request).getSurveyId().equals(surveyId);
      Call gateway = i -> get("/v1/surveys/" + surveyId).statusCode() == 200;
      for (int clients : new int[] {1, 16}) {
        concurrently(clients, 3, direct); // warm-up
        concurrently(clients, 3, gateway);
        Rate d = timed(clients, seconds, direct);
        Rate g = timed(clients, seconds, gateway);
        results.put("GET /v1/surveys/{id} c=" + clients + ": gateway / direct gRPC p50 (ratio)",
            ms(g.p50()) + " / " + ms(d.p50()) + String.format(" (%.2f×)", g.p50() / (double) d.p50()));
        results.put("GET /v1/surveys/{id} c=" + clients + ": gateway / direct gRPC throughput (ratio)",
            String.format("%,.0f / %,.0f per s (%.2f×)", g.perSecond(), d.perSecond(), g.perSecond() / d.perSecond()));
        log("c=%d gateway p50 %s %.0f/s, direct p50 %s %.0f/s", clients, ms(g.p50()), g.perSecond(), ms(d.p50()),
            d.perSecond());
      }
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private record Rate(double perSecond, long p50, long p99) {
  }

  /** Calls by {@code clients} threads for {@code seconds}: rate and latency percentiles. */
  private Rate timed(int clients, int seconds, Call call) throws Exception {
    List<long[]> perThread = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        long[] times = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < end && n < times.length) {
          long start = System.nanoTime();
          if (!call.run(n)) {
            throw new IllegalStateException("call failed");
          }
          times[n++] = System.nanoTime() - start;
        }
        perThread.add(java.util.Arrays.copyOf(times, n));
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    long[] all = perThread.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    return new Rate(all.length / elapsed, percentile(all, 50), percentile(all, 99));
  }

  /** Submissions through the gateway at c=16 against raw insertOne at c=16 on the same server. */
  private void ingest() throws Exception {
    int seconds = Integer.parseInt(opts.getOrDefault("ingest-seconds", "20"));
    double gateway = concurrently(16, seconds, i -> submit(surveyIds.get(2), 1_000_000 + i).statusCode() == 200);
    try (MongoClient client = mongo()) {
      MongoCollection<Document> raw = client.getDatabase("cx_bench").getCollection("raw_inserts");
      double insertOne = concurrently(16, seconds, i -> {
        raw.insertOne(new Document("tenantId", TENANT).append("i", i).append("at", new java.util.Date())
            .append("answers", List.of(new Document("questionId", "nps").append("score", i % 11))));
        return true;
      });
      results.put("ingest c=16: gateway submissions / raw insertOne (per s, ratio)",
          String.format("%,.0f / %,.0f, %.2f", gateway, insertOne, gateway / insertOne));
    }
  }

  private interface Call {
    boolean run(int i) throws Exception;
  }

  private double concurrently(int clients, int seconds, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong ok = new AtomicLong();
    AtomicLong counter = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          if (call.run((int) counter.incrementAndGet())) {
            ok.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return ok.get() / ((System.nanoTime() - t0) / 1e9);
  }

  private void idleCpu() throws Exception {
    waitRelayCaughtUp(System.nanoTime(), 0);
    Thread.sleep(15_000);
    int seconds = Integer.parseInt(opts.getOrDefault("idle-seconds", "30"));
    long before = cpuTicks();
    Thread.sleep(seconds * 1000L);
    long after = cpuTicks();
    double share = (after - before) / 100.0 / seconds * 100;
    results.put("idle CPU, nothing pending (" + seconds + " s)", String.format("%.1f %% of a core", share));
  }

  private long cpuTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + hub.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (clock ticks)
  }

  private void heapAtRest() {
    results.put("heap live at rest (after a full GC)", mb(heapUsed(true)));
  }

  private void restart() throws Exception {
    hub.destroy();
    hub.waitFor(120, TimeUnit.SECONDS);
    long t0 = System.nanoTime();
    startHub();
    results.put("restart (process start to gateway answering)", String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
  }

  // ---------------------------------------------------------------- helpers

  private long heapUsed(boolean fullGc) {
    try {
      if (fullGc) {
        jcmd("GC.run");
      }
      Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private String jcmd(String command) throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jcmd = javaHome.resolve("bin/jcmd");
    Process p = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(hub.pid()), command)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private HttpResponse<String> submit(String surveyId, int i) throws Exception {
    String body = "{\"answers\":[{\"questionId\":\"nps\",\"score\":" + (i % 11) + "}],\"channel\":\"CHANNEL_EMAIL\"}";
    return post("/v1/surveys/" + surveyId + "/responses", body, true);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(60)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, boolean withKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (withKey) {
      request.header("Authorization", "Bearer " + KEY);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + basePort + path);
  }

  private static long percentile(long[] values, int p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format("%,d MB", bytes / (1024 * 1024));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf("[scale %s] %s%n", Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().withNano(0),
        String.format(format, args));
  }

  private void write(String started, String loadBefore) throws IOException {
    StringBuilder table = new StringBuilder();
    table.append("\n### Run of ").append(started).append(" (").append(String.format("%,d", responses()))
        .append(" responses)\n\n");
    table.append("`").append(String.join(" ", command())).append("`; load average before: ").append(loadBefore)
        .append(", after: ").append(loadAverage()).append(".\n\n");
    table.append("| measure | value |\n|---|---|\n");
    results.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    System.out.println(table);
    Path doc = Path.of(opts.getOrDefault("doc", "docs/benchmarks.md"));
    if (Files.exists(doc) && !"false".equals(opts.get("write"))) {
      Files.writeString(doc, table.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      log("appended to %s", doc);
    }
  }

  private List<String> command() {
    List<String> args = new ArrayList<>();
    args.add("--responses=" + responses());
    opts.forEach((k, v) -> {
      if (!k.equals("responses") && !k.equals("doc")) {
        args.add("--" + k + "=" + v);
      }
    });
    return args;
  }
}
