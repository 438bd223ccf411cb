package io.cxhub.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "collect on every channel, act on detractors" walk-through of the README, through the
 * gateway only: a QR distribution, a customer answering without a key, the live feed, safe
 * retries, the case opened for the detractor, the signed webhook and the CSV export; then a
 * metric alert rule on the survey's NPS firing through the same signed webhooks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubCollectAndActIT {

  private static final String ADMIN_KEY = "cx-e2e-admin-" + UUID.randomUUID();
  private static final String WEBHOOK_SECRET = "s3cret-for-the-e2e-" + UUID.randomUUID();
  private static final String COMMENT = "Livraison en retard, colis abîmé";
  private static final Duration PROPAGATION = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private CxHub hub;
  private HubHttp http;
  private WireMockServer receiver;
  private CompletableFuture<HttpResponse<Stream<String>>> feed;

  private String surveyId;
  private String distributionId;
  private String token;
  private String publicUrl;
  private String responseId;

  @BeforeAll
  void startHubAndReceiver() {
    receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));

    hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY));
    http = new HubHttp(hub.gatewayUrl());
  }

  @AfterAll
  void stopHubAndReceiver() {
    if (feed != null) {
      feed.cancel(true);
      feed.thenAccept(response -> response.body().close());
    }
    if (hub != null) {
      hub.close();
    }
    if (receiver != null) {
      receiver.stop();
    }
  }

  @Test
  @Order(1)
  void aSurveyAWebhookAndADetractorRuleAreSetUpWithTheAdminKey() {
    var created = http.post("/v1/surveys", admin(), Map.of(
        "title", "Livraison",
        "questions", List.of(
            Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS",
                "text", "How likely are you to recommend us to a friend?", "required", true),
            Map.of("questionId", "why", "kind", "QUESTION_KIND_FREE_TEXT",
                "text", "Why?"))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    surveyId = created.json().path("surveyId").asText();
    assertThat(surveyId).isNotBlank();

    var webhook = http.post("/v1/webhooks", admin(), Map.of(
        "url", receiver.baseUrl() + "/hooks",
        "eventTypes", List.of("alert.fired", "case.opened"),
        "secret", WEBHOOK_SECRET));
    assertThat(webhook.status()).as("%s", webhook).isEqualTo(200);

    var rule = http.post("/v1/alert-rules", admin(), Map.of(
        "name", "Détracteurs livraison",
        "enabled", true,
        "conditions", Map.of("surveyId", surveyId, "categories", List.of("NPS_CATEGORY_DETRACTOR")),
        "actions", Map.of("openCase", true, "notifyWebhooks", true, "team", "service-client")));
    assertThat(rule.status()).as("%s", rule).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aQrDistributionsCodeDecodesToItsPublicUrlAndComesAsSvgToo() throws Exception {
    assumeTrue(surveyId != null, "needs the survey of the first scenario");
    var dist = http.post("/v1/surveys/" + surveyId + "/distributions", admin(),
        Map.of("channel", "CHANNEL_QR", "name", "Colis juin"));
    assertThat(dist.status()).as("%s", dist).isEqualTo(200);
    distributionId = dist.json().path("distributionId").asText();
    token = dist.json().path("token").asText();
    publicUrl = dist.json().path("publicUrl").asText();
    assertThat(distributionId).isNotBlank();
    assertThat(token).isNotBlank();
    assertThat(publicUrl).contains(token);

    var png = send(get("/v1/distributions/" + distributionId + "/qr-code").header("Authorization", bearer()),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    var image = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(image).as("a PNG image").isNotNull();
    // PURE_BARCODE: the image is the code itself (without it 1 generated code in 80 is missed)
    var decoded = new MultiFormatReader().decode(
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true));
    assertThat(decoded.getText()).isEqualTo(publicUrl);

    var svg = send(get("/v1/distributions/" + distributionId + "/qr-code?format=QR_CODE_FORMAT_SVG")
        .header("Authorization", bearer()), HttpResponse.BodyHandlers.ofString());
    assertThat(svg.statusCode()).as("%s", svg.body()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(svg.body()).contains("<svg");
  }

  @Test
  @Order(3)
  void aDetractorAnsweringWithoutAKeyShowsUpOnTheLiveFeed() throws Exception {
    assumeTrue(token != null, "needs the distribution of the second scenario");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    feed = client.sendAsync(get("/v1/responses:watch?surveyId=" + surveyId)
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", bearer())
        .header("Accept", "text/event-stream")
        .build(), HttpResponse.BodyHandlers.ofLines());
    var opened = feed.get(30, TimeUnit.SECONDS);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    var reader = new Thread(() -> {
      try {
        opened.body().forEach(lines::add);
      } catch (UncheckedIOException ignored) {
        // the feed is cut when the hub stops
      }
    }, "response-feed-reader");
    reader.setDaemon(true);
    reader.start();

    var submitted = submit("order-1234", detractor());
    assertThat(submitted.statusCode()).as("%s", submitted.body()).isEqualTo(200);
    responseId = HubHttp.JSON.readTree(submitted.body()).path("responseId").asText();
    assertThat(responseId).isNotBlank();

    long deadline = System.nanoTime() + PROPAGATION.toNanos();
    String seen = null;
    while (seen == null && System.nanoTime() < deadline) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith("data:") && line.contains(responseId)) {
        seen = line;
      }
    }
    assertThat(seen).as("a data: line with response %s on the feed", responseId).isNotNull();
  }

  @Test
  @Order(4)
  void replayingTheIdempotencyKeyGivesTheSameResponseAndAnotherPayloadIsA409() throws Exception {
    assumeTrue(responseId != null, "needs the response of the third scenario");

    var replay = submit("order-1234", detractor());
    assertThat(replay.statusCode()).as("%s", replay.body()).isEqualTo(200);
    assertThat(HubHttp.JSON.readTree(replay.body()).path("responseId").asText()).isEqualTo(responseId);

    var other = submit("order-1234", Map.of("answers", List.of(Map.of("questionId", "nps", "score", 9))));
    assertThat(other.statusCode()).as("%s", other.body()).isEqualTo(409);
    assertThat(other.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  @Order(5)
  void theDetractorOpensACaseWithItsPlaybookAndASignedCaseOpenedWebhook() {
    assumeTrue(responseId != null, "needs the response of the third scenario");

    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var cases = http.get("/v1/cases", admin());
      assertThat(cases.status()).as("%s", cases).isEqualTo(200);
      JsonNode detractorCase = null;
      for (JsonNode c : cases.json().path("cases")) {
        if ("NPS_CATEGORY_DETRACTOR".equals(c.path("category").asText())) {
          detractorCase = c;
        }
      }
      assertThat(detractorCase).as("a detractor case in %s", cases).isNotNull();
      assertThat(detractorCase.path("playbook").size()).as("%s", detractorCase).isPositive();
    });

    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      List<LoggedRequest> deliveries = receiver.findAll(
          postRequestedFor(urlEqualTo("/hooks")).withHeader("CX-Event-Type", equalTo("case.opened")));
      assertThat(deliveries).as("case.opened deliveries").isNotEmpty();
      var delivery = deliveries.get(0);
      String signature = delivery.getHeader("CX-Signature");
      assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
      String t = signature.substring(2, signature.indexOf(','));
      String v1 = signature.substring(signature.indexOf("v1=") + 3);
      String rawBody = new String(delivery.getBody(), StandardCharsets.UTF_8);
      assertThat(v1).as("HMAC of %s", rawBody).isEqualTo(hmacHex(WEBHOOK_SECRET, t + "." + rawBody));
      assertThat(rawBody).contains("case.opened");
    });
  }

  @Test
  @Order(6)
  void theCsvExportQuotesTheAccentedComment() {
    assumeTrue(responseId != null, "needs the response of the third scenario");

    var csv = send(get("/v1/surveys/" + surveyId + "/responses:export").header("Authorization", bearer()),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(csv.statusCode()).as("%s", csv.body()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).contains(responseId).contains("\"" + COMMENT + "\"");
  }

  @Test
  @Order(7)
  void aWrongTokenIsA404Problem() {
    var reply = send(HttpRequest.newBuilder(hub.gatewayUrl().resolve(
            "/v1/public/surveys/" + "x".repeat(26) + "/responses"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(detractor()))), HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).as("%s", reply.body()).isEqualTo(404);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  @Order(8)
  void aMetricRuleOnTheSurveysNpsFiresOneSignedAlertThroughTheSameWebhooks() {
    assumeTrue(responseId != null, "needs the response of the third scenario");
    var rule = http.post("/v1/metric-alert-rules", admin(), Map.of(
        "name", "NPS livraison",
        "enabled", true,
        "metric", "SCORE_METRIC_NPS",
        "filter", Map.of("surveyIds", List.of(surveyId)),
        "threshold", Map.of("direction", "THRESHOLD_DIRECTION_BELOW", "threshold", 0),
        "minSample", 1,
        "severity", "METRIC_ALERT_SEVERITY_CRITICAL",
        "actions", Map.of("openCase", true)));
    assertThat(rule.status()).as("%s", rule).isEqualTo(200);
    String ruleId = rule.json().path("ruleId").asText();
    String alertId = "mr:" + ruleId + ":";

    // the detractor reaches metrics-service through the outbox relay; until then there is
    // nothing to conclude. The periodic evaluator may fire first: then this reads ALREADY_FIRED.
    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var evaluated = http.post("/v1/metric-alert-rules:evaluate", admin(), Map.of("ruleIds", List.of(ruleId)));
      assertThat(evaluated.status()).as("%s", evaluated).isEqualTo(200);
      var evaluation = evaluated.json().path("evaluations").path(0);
      assertThat(evaluation.path("outcome").asText()).as("%s", evaluation)
          .isIn("METRIC_ALERT_OUTCOME_FIRED", "METRIC_ALERT_OUTCOME_ALREADY_FIRED");
      assertThat(evaluation.path("episode").path("alertId").asText()).startsWith(alertId);
    });
    var again = http.post("/v1/metric-alert-rules:evaluate", admin(), Map.of("ruleIds", List.of(ruleId)));
    assertThat(again.json().path("evaluations").path(0).path("outcome").asText())
        .isEqualTo("METRIC_ALERT_OUTCOME_ALREADY_FIRED");

    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      List<LoggedRequest> fired = receiver.findAll(postRequestedFor(urlEqualTo("/hooks"))
          .withHeader("CX-Event-Type", equalTo("alert.fired"))).stream()
          .filter(r -> r.getBodyAsString().contains(alertId))
          .toList();
      assertThat(fired).as("one alert.fired for the metric rule").hasSize(1);
      var delivery = fired.get(0);
      String signature = delivery.getHeader("CX-Signature");
      String t = signature.substring(2, signature.indexOf(','));
      String v1 = signature.substring(signature.indexOf("v1=") + 3);
      String rawBody = new String(delivery.getBody(), StandardCharsets.UTF_8);
      assertThat(v1).as("HMAC of %s", rawBody).isEqualTo(hmacHex(WEBHOOK_SECRET, t + "." + rawBody));
      var data = HubHttp.JSON.readTree(rawBody).path("data");
      assertThat(data.path("source").asText()).isEqualTo("metrics-service");
      assertThat(data.path("severity").asText()).isEqualTo("critical");
      assertThat(data.path("surveyId").asText()).isEqualTo(surveyId);
      assertThat(data.path("title").asText()).startsWith("NPS livraison: NPS -100.0 below 0");
      assertThat(data.path("caseId").asText()).isNotBlank();
    });
  }

  private HttpResponse<String> submit(String idempotencyKey, Object payload) {
    return send(HttpRequest.newBuilder(hub.gatewayUrl().resolve("/v1/public/surveys/" + token + "/responses"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json(payload))), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> detractor() {
    return Map.of(
        "answers", List.of(
            Map.of("questionId", "nps", "score", 2),
            Map.of("questionId", "why", "text", COMMENT)),
        "context", Map.of("customerId", "cust-42", "orderId", "1234"));
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(hub.gatewayUrl().resolve(path)).timeout(Duration.ofSeconds(20)).GET();
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return HubHttp.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hmacHex(String secret, String text) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String bearer() {
    return "Bearer " + ADMIN_KEY;
  }

  private static Optional<String> admin() {
    return Optional.of(ADMIN_KEY);
  }
}
