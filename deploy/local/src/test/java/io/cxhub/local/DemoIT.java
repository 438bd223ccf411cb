package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.local.browser.DemoHub;
import io.cxhub.local.browser.DemoHubExtension;
import io.cxhub.local.demo.DemoLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --demo}: the demo tenant loaded through the gateway (at a third of its size, to keep
 * the build short) shows what it promises: a year of answers, the autumn delivery friction
 * ranked first, the second carrier measured as an improvement, a user who can sign in, e-mail
 * and SMS campaigns delivered to the local outbox and answered from it; and a second load adds
 * nothing. The hub and its demo load are the test run's shared {@link DemoHub}.
 */
@ExtendWith(DemoHubExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {

  private DemoHub hub;
  private HubHttp http;
  private DemoLoader.Loaded loaded;
  private LocalDate today;

  @BeforeAll
  void useTheSharedDemoHub(DemoHub demo) {
    hub = demo;
    http = new HubHttp(hub.gatewayUrl());
    loaded = demo.loaded();
    today = demo.today();
  }

  @Test
  void theDemoUserSignsInAndSeesAYearOfAnswers() throws Exception {
    assertThat(loaded.note()).as("the action is measured").isEmpty();
    var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    var login = client.send(HttpRequest.newBuilder(hub.gatewayUrl().resolve("/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"email\":\"" + loaded.email() + "\",\"password\":\"" + loaded.password() + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    var surveys = client.send(HttpRequest.newBuilder(hub.gatewayUrl().resolve("/v1/surveys?pageSize=20")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode list = HubHttp.JSON.readTree(surveys.body());
    assertThat(list.path("surveys")).hasSize(5);
  }

  @Test
  void theAutumnDeliveryFrictionIsRankedFirstAndTheActionMeasuredAsAnImprovement() {
    String key = tenantKey();
    String journeyId = http.get("/v1/journeys?pageSize=10", Optional.of(key)).json().path("journeys").get(0)
        .path("journeyId").asText();
    String start = today.minusDays(105).toString();
    String end = today.minusDays(50).toString();
    var friction = http.get("/v1/journeys/" + journeyId + "/friction?slice.period.startDate=" + start + "&slice.period.endDate=" + end,
        Optional.of(key));
    assertThat(friction.status()).as("%s", friction).isEqualTo(200);
    JsonNode first = friction.json().path("frictionPoints").get(0);
    assertThat(first.path("touchpointId").asText().isEmpty() ? first.path("stageId").asText()
        : first.path("touchpointId").asText()).as("%s", friction.json()).isIn("transporteur", "livraison");
    assertThat(first.path("impact").asDouble()).isPositive();

    JsonNode action = http.get("/v1/journeys/" + journeyId + "/actions", Optional.of(key)).json().path("actions").get(0);
    JsonNode impact = action.path("impact");
    assertThat(impact.path("verdict").asText()).as("%s", action).isEqualTo("IMPACT_VERDICT_IMPROVED");
    assertThat(impact.path("did").asDouble()).isPositive();
  }

  @Test
  void loadingAgainAddsNothing() {
    String key = tenantKey();
    long before = countedAnswers(key);
    long delivered = delivered(key);
    var again = new DemoLoader(hub.gatewayUrl(), hub.operatorKey(), s -> { }, hub.inbox())
        .load(DemoHub.PASSWORD, today, DemoHub.SCALE);
    assertThat(again.responses()).isEqualTo(loaded.responses());
    assertThat(http.get("/v1/surveys?pageSize=20", Optional.of(key)).json().path("surveys")).hasSize(5);
    assertThat(http.get("/v1/personas?pageSize=20", Optional.of(key)).json().path("personas")).hasSize(3);
    assertThat(countedAnswers(key)).isEqualTo(before);
    assertThat(delivered(key)).as("no campaign sent again").isEqualTo(delivered);
  }

  @Test
  void theCampaignsReachTheOutboxAndTheirRecipientsAnswerMoreByEmailThanBySms() throws Exception {
    String key = tenantKey();
    var mail = hub.inbox().mail().orElseThrow();
    var sms = hub.inbox().sms().orElseThrow();
    try (var eml = Files.list(mail); var json = Files.list(sms)) {
      assertThat(eml.filter(f -> f.toString().endsWith(".eml")).count()).as("e-mails kept in %s", mail).isPositive();
      assertThat(json.filter(f -> f.toString().endsWith(".json")).count()).as("SMS kept in %s", sms).isPositive();
    }
    var byChannel = new java.util.HashMap<String, long[]>();
    for (JsonNode survey : http.get("/v1/surveys?pageSize=20", Optional.of(key)).json().path("surveys")) {
      var rates = http.get("/v1/surveys/" + survey.path("surveyId").asText() + "/response-rates", Optional.of(key));
      assertThat(rates.status()).as("%s", rates).isEqualTo(200);
      for (JsonNode channel : rates.json().path("byChannel")) {
        long[] row = byChannel.computeIfAbsent(channel.path("channel").asText(), c -> new long[2]);
        row[0] += channel.path("stats").path("delivered").asLong();
        row[1] += channel.path("stats").path("responded").asLong();
      }
    }
    assertThat(byChannel).containsKeys("CHANNEL_EMAIL", "CHANNEL_SMS");
    long[] email = byChannel.get("CHANNEL_EMAIL");
    long[] text = byChannel.get("CHANNEL_SMS");
    assertThat(email[0]).isPositive();
    assertThat(text[0]).isPositive();
    assertThat(email[1]).as("e-mail recipients answered").isPositive();
    assertThat(text[1]).as("SMS recipients answered").isPositive();
    assertThat((double) email[1] / email[0]).as("e-mail answered more than SMS")
        .isGreaterThan((double) text[1] / text[0]);
  }

  /** Invitations delivered over the tenant's surveys. */
  private long delivered(String key) {
    long total = 0;
    for (JsonNode survey : http.get("/v1/surveys?pageSize=20", Optional.of(key)).json().path("surveys")) {
      var rates = http.get("/v1/surveys/" + survey.path("surveyId").asText() + "/response-rates", Optional.of(key));
      for (JsonNode channel : rates.json().path("byChannel")) {
        total += channel.path("stats").path("delivered").asLong();
      }
    }
    return total;
  }

  private long countedAnswers(String key) {
    long total = 0;
    for (JsonNode survey : http.get("/v1/surveys?pageSize=20", Optional.of(key)).json().path("surveys")) {
      String id = survey.path("surveyId").asText();
      var nps = http.get("/v1/surveys/" + id + "/nps", Optional.of(key));
      total += nps.status() == 200 ? nps.json().path("n").asLong() : 0;
    }
    return total;
  }

  private String tenantKey() {
    return hub.tenantKey();
  }
}
