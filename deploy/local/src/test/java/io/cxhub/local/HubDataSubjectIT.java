package io.cxhub.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The right of access and to be forgotten on the one-jar, through the gateway only
 * (docs/data-subject-requests.md): a customer with an e-mail, responses with comments on the
 * partner route, a case and a webhook delivery opened on the detractor; an export returns
 * each service's data; then one erasure call, and afterwards no document of any collection
 * of any database of the embedded MongoDB names the customer id, the e-mail or the comment,
 * while the NPS of the period is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubDataSubjectIT {

  private static final String ADMIN_KEY = "cx-e2e-admin-" + UUID.randomUUID();
  private static final String CUSTOMER = "cust-" + UUID.randomUUID();
  private static final String EMAIL = "forget-me-" + UUID.randomUUID() + "@example.com";
  private static final String COMMENT = "Colis jamais arrivé, service client injoignable " + UUID.randomUUID();
  private static final String OTHER_COMMENT = "Très bien, merci " + UUID.randomUUID();
  private static final Duration PROPAGATION = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;

  private CxHub hub;
  private HubHttp http;
  private WireMockServer receiver;
  private String surveyId;
  private JsonNode npsBefore;

  @BeforeAll
  void startHubAndReceiver() {
    receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
    hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY));
    http = new HubHttp(hub.gatewayUrl());
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
    if (receiver != null) {
      receiver.stop();
    }
  }

  @Test
  @Order(1)
  void aCustomerWithAnEmailAnswersTwiceAndADetractorCaseAndWebhookFollow() {
    var customer = http.send("PUT", "/v1/customers/" + CUSTOMER, admin(), Map.of("email", EMAIL, "segment", "smb"));
    assertThat(customer.status()).as("%s", customer).isEqualTo(200);

    var created = http.post("/v1/surveys", admin(), Map.of(
        "title", "Livraison",
        "questions", List.of(
            Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS", "text", "Would you recommend us?",
                "required", true),
            Map.of("questionId", "why", "kind", "QUESTION_KIND_FREE_TEXT", "text", "Why?"))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    surveyId = created.json().path("surveyId").asText();

    var webhook = http.post("/v1/webhooks", admin(), Map.of(
        "url", receiver.baseUrl() + "/hooks", "eventTypes", List.of("case.opened"),
        "secret", "s3cret-" + UUID.randomUUID()));
    assertThat(webhook.status()).as("%s", webhook).isEqualTo(200);
    var rule = http.post("/v1/alert-rules", admin(), Map.of(
        "name", "Détracteurs", "enabled", true,
        "conditions", Map.of("surveyId", surveyId, "categories", List.of("NPS_CATEGORY_DETRACTOR")),
        "actions", Map.of("openCase", true, "notifyWebhooks", true, "team", "service-client")));
    assertThat(rule.status()).as("%s", rule).isEqualTo(200);

    // the subject: a detractor with a comment and their e-mail in the metadata, then a promoter
    assertThat(submit(2, COMMENT, CUSTOMER).status()).isEqualTo(200);
    assertThat(submit(10, "Parfait " + UUID.randomUUID(), CUSTOMER).status()).isEqualTo(200);
    // someone else, whose data stays
    assertThat(submit(9, OTHER_COMMENT, "someone-else").status()).isEqualTo(200);

    npsBefore = awaitNps(3);
    await().atMost(PROPAGATION).untilAsserted(() ->
        receiver.verify(postRequestedFor(urlEqualTo("/hooks"))));
    await().atMost(PROPAGATION).untilAsserted(() -> {
      var cases = http.get("/v1/cases", admin());
      assertThat(cases.status()).as("%s", cases).isEqualTo(200);
      assertThat(cases.json().path("cases")).as("%s", cases).isNotEmpty();
    });
    var caseId = http.get("/v1/cases", admin()).json().path("cases").get(0).path("caseId").asText();
    var note = http.post("/v1/cases/" + caseId + "/notes", admin(),
        Map.of("text", "Called back " + EMAIL + " about: " + COMMENT));
    assertThat(note.status()).as("%s", note).isEqualTo(200);
    // everything is where the scan will look for it
    assertThat(matches()).as("documents naming the subject before erasure").isNotEmpty();
  }

  @Test
  @Order(2)
  void anExportReturnsTheSubjectsDataFromEachService() {
    assumeTrue(surveyId != null, "needs the first scenario");
    var created = http.post("/v1/data-subject-requests", admin(), Map.of("kind", "EXPORT", "customerId", CUSTOMER));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String requestId = created.json().path("requestId").asText();
    awaitSucceeded(requestId);

    var export = http.get("/v1/data-subject-requests/" + requestId + "/export", admin());
    assertThat(export.status()).as("%s", export).isEqualTo(200);
    var document = export.json().path("document");
    assertThat(document.path("persona").path("customers").get(0).path("email").asText()).isEqualTo(EMAIL);
    assertThat(document.path("survey").path("responses")).hasSize(2);
    assertThat(document.path("survey").path("responses").toString()).contains(COMMENT);
    assertThat(document.path("survey").path("cases")).isNotEmpty();
    assertThat(document.path("metrics").path("recorded_responses")).hasSize(2);
    assertThat(document.path("metrics").toString()).contains(COMMENT);
    assertThat(document.has("journey")).isTrue();
  }

  @Test
  @Order(3)
  void oneCallErasesTheSubjectEverywhereAndTheNpsStays() {
    assumeTrue(npsBefore != null, "needs the first scenario");
    long start = System.nanoTime();
    var created = http.post("/v1/data-subject-requests", admin(), Map.of("kind", "ERASURE", "customerId", CUSTOMER));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String requestId = created.json().path("requestId").asText();

    var done = awaitSucceeded(requestId);
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    System.out.printf("data-subject erasure across all services: %d ms (request %s)%n", millis, requestId);
    assertThat(Duration.ofMillis(millis)).as("issue 12: an erasure across all services").isLessThan(Duration.ofSeconds(5));
    assertThat(done.path("parts")).hasSize(4);
    assertThat(done.path("customerId").asText("")).isEmpty();

    assertThat(matches()).as("documents still naming the subject").isEmpty();
    var nps = awaitNps(3);
    assertThat(nps.path("nps").asDouble()).isEqualTo(npsBefore.path("nps").asDouble());
    // someone else's comment is still there
    assertThat(scan(List.of(OTHER_COMMENT))).isNotEmpty();

    var again = http.post("/v1/data-subject-requests", admin(), Map.of("kind", "ERASURE", "customerId", CUSTOMER));
    assertThat(again.status()).as("an erased subject is known by its tombstone: %s", again).isEqualTo(200);
    var unknown = http.post("/v1/data-subject-requests", admin(),
        Map.of("kind", "ERASURE", "customerId", "never-seen-" + UUID.randomUUID()));
    assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
    assertThat(unknown.body()).contains("customer_id");
  }

  private List<String> matches() {
    return scan(List.of(CUSTOMER, EMAIL, COMMENT));
  }

  /** Every document of every collection of every database that contains one of the texts. */
  private List<String> scan(List<String> needles) {
    var found = new ArrayList<String>();
    try (var client = MongoClients.create("mongodb://" + hub.mongoAddress())) {
      for (String db : client.listDatabaseNames()) {
        var database = client.getDatabase(db);
        for (String collection : database.listCollectionNames()) {
          for (Document d : database.getCollection(collection).find()) {
            String json = d.toJson();
            for (String needle : needles) {
              if (json.contains(needle)) {
                found.add(db + "." + collection + ": " + (json.length() > 300 ? json.substring(0, 300) : json));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private JsonNode awaitSucceeded(String requestId) {
    var last = new JsonNode[1];
    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      var reply = http.get("/v1/data-subject-requests/" + requestId, admin());
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.json().path("state").asText()).as("%s", reply).isEqualTo("DATA_SUBJECT_REQUEST_STATE_SUCCEEDED");
      last[0] = reply.json();
    });
    return last[0];
  }

  private HubHttp.Reply submit(int score, String comment, String customerId) {
    return http.post("/v1/surveys/" + surveyId + "/responses", admin(), Map.of(
        "answers", List.of(Map.of("questionId", "nps", "score", score), Map.of("questionId", "why", "text", comment)),
        "channel", "CHANNEL_EMAIL",
        "context", Map.of("customerId", customerId, "metadata", Map.of("email",
            customerId.equals(CUSTOMER) ? EMAIL : "other@example.com"))));
  }

  private JsonNode awaitNps(long n) {
    var last = new JsonNode[1];
    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      var reply = http.get("/v1/surveys/" + surveyId + "/nps", admin());
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.json().path("n").asLong(0)).as("%s", reply).isEqualTo(n);
      last[0] = reply.json();
    });
    return last[0];
  }

  private static Optional<String> admin() {
    return Optional.of(ADMIN_KEY);
  }
}
