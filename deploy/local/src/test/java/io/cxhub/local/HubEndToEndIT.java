package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hub, started as the one-jar run starts it, used only through the gateway's
 * REST API the way a partner would: create a survey, collect responses without a key,
 * read the NPS, get refused where the contract says so, and find everything again after
 * a restart on the same data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubEndToEndIT {

  private static final String ADMIN_KEY = "cx-e2e-admin-" + UUID.randomUUID();
  /** 5 promoters (10,10,9,9,9), 2 passives (8,7), 3 detractors (6,3,0): 50% − 30% = 20. */
  private static final int[] SCORES = {10, 10, 9, 9, 9, 8, 7, 6, 3, 0};
  private static final double EXPECTED_NPS = 20.0;
  private static final Duration PROPAGATION = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;

  private LocalConfig config;
  private CxHub hub;
  private HubHttp http;
  private String surveyId;

  @BeforeAll
  void startHub() {
    config = LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY);
    hub = CxHub.start(config);
    http = new HubHttp(hub.gatewayUrl());
  }

  @AfterAll
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  @Order(1)
  void responsesSubmittedWithoutAKeyMakeTheNpsOfTheSurvey() {
    var created = http.post("/v1/surveys", admin(), Map.of(
        "title", "Delivery",
        "questions", List.of(Map.of(
            "questionId", "nps",
            "kind", "QUESTION_KIND_NPS",
            "text", "How likely are you to recommend us to a friend?",
            "required", true))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    surveyId = created.json().path("surveyId").asText();
    assertThat(surveyId).isNotBlank();
    assertThat(created.json().path("state").asText()).isEqualTo("SURVEY_STATE_ACTIVE");

    for (int score : SCORES) {
      var submitted = http.post("/v1/surveys/" + surveyId + "/responses", admin(), response(score));
      assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
      assertThat(submitted.json().path("responseId").asText()).isNotBlank();
    }

    JsonNode nps = awaitNps(SCORES.length);
    assertThat(nps.path("nps").asDouble()).isEqualTo(EXPECTED_NPS);
    assertThat(nps.path("promoters").asLong()).isEqualTo(5);
    assertThat(nps.path("passives").asLong()).isEqualTo(2);
    assertThat(nps.path("detractors").asLong()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void scoreOutsideTheScaleIsA400ProblemNamingTheField() {
    assumeTrue(surveyId != null, "needs the survey of the first scenario");

    var rejected = http.post("/v1/surveys/" + surveyId + "/responses", admin(), response(11));

    assertThat(rejected.status()).as("%s", rejected).isEqualTo(400);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    assertThat(textValues(rejected.json())).as("%s", rejected).contains("answers[0].score");
  }

  @Test
  @Order(3)
  void tenantCallWithoutAKeyIsA401() {
    var read = http.get("/v1/surveys/" + (surveyId == null ? "any-survey" : surveyId), Optional.empty());
    var create = http.post("/v1/surveys", Optional.empty(), Map.of("title", "No key"));

    assertThat(read.status()).as("%s", read).isEqualTo(401);
    assertThat(create.status()).as("%s", create).isEqualTo(401);
  }

  @Test
  @Order(4)
  void anotherTenantCannotSeeTheSurvey() {
    assumeTrue(surveyId != null, "needs the survey of the first scenario");
    var tenant = http.post("/v1/admin/tenants", admin(), Map.of("tenantId", "acme", "displayName", "Acme"));
    assertThat(tenant.status()).as("%s", tenant).isEqualTo(200);
    var key = http.post("/v1/admin/tenants/acme/apiKeys", admin(), Map.of("displayName", "e2e",
        "role", "TENANT_ROLE_ADMIN", "scopes", java.util.List.of("SCOPE_READ", "SCOPE_INGEST", "SCOPE_WRITE")));
    assertThat(key.status()).as("%s", key).isEqualTo(200);
    var acme = Optional.of(key.json().path("secret").asText());
    assertThat(acme.get()).isNotBlank();

    var read = http.get("/v1/surveys/" + surveyId, acme);
    var nps = http.get("/v1/surveys/" + surveyId + "/nps", acme);

    assertThat(read.status()).as("%s", read).isEqualTo(404);
    // its NPS is either not found or empty for acme: never the first tenant's figures
    assertThat(nps.status() == 404 || nps.status() == 200 && nps.json().path("n").asLong(0) == 0)
        .as("%s", nps).isTrue();
  }

  @Test
  @Order(5)
  void surveyAndNpsSurviveARestartOnTheSameData() {
    assumeTrue(surveyId != null, "needs the survey of the first scenario");

    hub.close();
    hub = CxHub.start(config);
    http = new HubHttp(hub.gatewayUrl());

    var survey = http.get("/v1/surveys/" + surveyId, admin());
    assertThat(survey.status()).as("%s", survey).isEqualTo(200);
    assertThat(survey.json().path("title").asText()).isEqualTo("Delivery");
    JsonNode nps = awaitNps(SCORES.length);
    assertThat(nps.path("nps").asDouble()).isEqualTo(EXPECTED_NPS);
  }

  private JsonNode awaitNps(long n) {
    var last = new JsonNode[1];
    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      var reply = http.get("/v1/surveys/" + surveyId + "/nps", admin());
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      // proto3 JSON writes int64 as a string and leaves out zeros: asLong(0) reads both
      assertThat(reply.json().path("n").asLong(0)).as("%s", reply).isEqualTo(n);
      last[0] = reply.json();
    });
    return last[0];
  }

  private static Map<String, Object> response(int score) {
    return Map.of(
        "answers", List.of(Map.of("questionId", "nps", "score", score)),
        "channel", "CHANNEL_EMAIL");
  }

  private static Optional<String> admin() {
    return Optional.of(ADMIN_KEY);
  }

  /** Every text value anywhere in a JSON tree, wherever the problem document puts the field name. */
  private static List<String> textValues(JsonNode node) {
    var values = new ArrayList<String>();
    if (node.isTextual()) {
      values.add(node.asText());
    }
    node.forEach(child -> values.addAll(textValues(child)));
    return values;
  }
}
