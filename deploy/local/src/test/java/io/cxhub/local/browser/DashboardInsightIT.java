package io.cxhub.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.cxhub.local.CxHub;
import io.cxhub.local.LocalConfig;
import io.cxhub.local.demo.DemoLoader;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's insight views (Customers, Voice of the customer, Journeys, Explore) on the
 * demo tenant, in Debian's Chromium: each view shows the numbers the API gives, a slice drills
 * down to its comments, highlights are {@code <mark>} elements and a script planted in a
 * comment is shown as text, never run; axe-core finds no violation; screenshots of every view
 * at desktop and phone widths are kept in {@code target/screenshots/insight/}.
 *
 * <p>One hub with the demo loaded (at a third of its size) for the class; {@code
 * -Dcx.insight.hub=http://127.0.0.1:PORT} runs the class against a hub already started with
 * {@code --demo} instead (for working on the views).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardInsightIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "insight-it-password-" + UUID.randomUUID();
  private static final Path SHOTS = Path.of("target", "screenshots", "insight");
  private static final String EVIL = "<script>window.__planted = 1</script><img src=x onerror=\"window.__planted = 2\">";

  @TempDir
  static Path dataDir;

  private CxHub hub;
  private URI base;
  private String email;
  private String password;
  private Browsers browsers;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private String csrf;

  @BeforeAll
  void startHubAndBrowser() throws Exception {
    String external = System.getProperty("cx.insight.hub", "").strip();
    if (external.isEmpty()) {
      String operatorKey = "cx-insight-it-" + UUID.randomUUID();
      hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(operatorKey));
      base = hub.gatewayUrl();
      var loaded = new DemoLoader(base, operatorKey, s -> { }).load(PASSWORD, LocalDate.now(DemoLoader.ZONE), 0.35);
      email = loaded.email();
      password = loaded.password();
    } else {
      base = URI.create(external);
      email = System.getProperty("cx.insight.email", "demo@cx-hub.local");
      password = System.getProperty("cx.insight.password", "demo-cx-hub-2026");
    }
    String cookie = System.getProperty("cx.insight.cookie", "").strip();
    if (cookie.isEmpty()) {
      csrf = send("POST", "/auth/login", Map.of("email", email, "password", password)).path("csrf_token").asText();
    } else {
      // the cookies of an earlier sign-in (NAME=VALUE; NAME=VALUE), when the hub throttles sign-ins
      for (String pair : cookie.split(";")) {
        var c = new java.net.HttpCookie(pair.strip().substring(0, pair.strip().indexOf('=')), pair.strip().substring(pair.strip().indexOf('=') + 1));
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(base, c);
      }
      csrf = api("/auth/session").path("csrf_token").asText();
    }
    browsers = Browsers.launch();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stop() {
    try {
      if (browsers != null) {
        browsers.close();
      }
    } finally {
      if (hub != null) {
        hub.close();
      }
    }
  }

  @Test
  void customersShowThePersonaCardsAndValueTiersOfTheApi() throws Exception {
    JsonNode persona = api("/v1/personas?pageSize=100").path("personas").get(0);
    JsonNode card = api("/v1/personas/" + persona.path("personaId").asText() + "/card");
    JsonNode tiers = api("/v1/customer-value").path("tiers");
    Page page = signedIn(browsers.desktop("en-GB", true), "customers");
    Locator shown = page.locator(".customer-card[data-subject='" + persona.path("personaId").asText() + "']");
    shown.waitFor();
    assertThat(shown.locator("[data-size]").textContent()).isEqualTo(integer(card.path("size").asLong()));
    assertThat(shown.locator("[data-score=nps]").textContent())
        .contains("n = " + integer(card.path("nps").path("n").asLong()));
    JsonNode champions = find(tiers, "tier", "VALUE_TIER_CHAMPIONS");
    assertThat(page.locator("tr[data-tier=VALUE_TIER_CHAMPIONS] td").first().textContent())
        .isEqualTo(integer(champions.path("customers").asLong()));
    assertThat(page.locator("#cu-contacts ~ .chart canvas, #cu-contacts ~ div canvas").count()).isPositive();
    assertThat(page.locator("#proposals button[name=discover]").count()).as("an admin may discover personas").isEqualTo(1);
    shoot(page, "customers");
  }

  @Test
  void vocListsThemesAndShowsPlantedScriptAsHighlightedText() throws Exception {
    String responseId = plantComment();
    Page page = signedIn(browsers.desktop("en-GB", true), "voc");
    page.locator(".voc-theme-table tbody tr").first().waitFor();
    JsonNode themes = api("/v1/text/themes?filter.from=" + LocalDate.now().minusDays(90) + "&filter.to=" + LocalDate.now());
    JsonNode first = themes.path("themes").get(0);
    assertThat(page.locator(".voc-theme-table tr[data-theme='" + first.path("themeId").asText() + "'] td").first().textContent())
        .isEqualTo(integer(first.path("volume").asLong()));
    // the planted comment: newest first, its script shown as text, its delivery words marked
    page.locator("#voc-verbatims input[name=keyword]").fill("livraison");
    page.locator("#voc-verbatims form button[type=submit]").click();
    Locator planted = page.locator("#voc-verbatims li", new Page.LocatorOptions().setHasText("window.__planted"));
    planted.first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertThat(planted.first().locator("mark").count()).isPositive();
    assertThat(planted.first().locator("script, img").count()).isZero();
    assertThat(page.evaluate("() => window.__planted === undefined")).isEqualTo(true);
    // analyse a text
    page.locator("#voc-analyse textarea").fill("Livraison très en retard, colis abîmé.");
    page.locator("#voc-analyse button[type=submit]").click();
    page.locator("#voc-analyse .result mark").first().waitFor();
    shoot(page, "voc");
    assertThat(responseId).isNotBlank();
  }

  @Test
  void journeysShowTheFrictionRankingAndTheMeasuredAction() throws Exception {
    String journeyId = api("/v1/journeys?pageSize=10").path("journeys").get(0).path("journeyId").asText();
    LocalDate today = LocalDate.now(DemoLoader.ZONE);
    JsonNode live = api("/v1/journeys/" + journeyId + "/live?slice.period.startDate=" + today.minusDays(89)
        + "&slice.period.endDate=" + today);
    Page page = signedIn(browsers.desktop("en-GB", true), "journeys");
    page.locator("#journey-map .stage").first().waitFor();
    assertThat(page.locator("#journey-map .stage").count()).isEqualTo(live.path("stages").size());
    JsonNode stage = live.path("stages").get(0);
    if (stage.path("nps").path("n").asLong() > 0) {
      assertThat(page.locator(".stage[data-stage='" + stage.path("stageId").asText() + "'] [data-score=nps]").textContent())
          .contains("n = " + integer(stage.path("nps").path("n").asLong()));
    }
    page.locator("#actions .action canvas").first().waitFor();
    assertThat(page.locator("#actions .action .tag.good").count()).as("the second carrier improved NPS").isPositive();
    // the autumn friction: a year's view ranks it
    page.locator("select[name=days]").selectOption("365");
    page.locator("#friction .friction-point").first().waitFor();
    assertThat(page.locator("#friction .friction-point").count()).isPositive();
    shoot(page, "journeys");
  }

  @Test
  void exploreSlicesNpsByChannelAndDrillsDownToTheVerbatims() throws Exception {
    Page page = signedIn(browsers.desktop("en-GB", true), "explore");
    page.locator(".explore-table tbody tr").first().waitFor();
    LocalDate today = LocalDate.now();
    JsonNode scores = send("POST", "/v1/scores:query", Map.of("metric", "SCORE_METRIC_NPS",
        "filter", Map.of("period", Map.of("startDate", today.minusDays(364).toString(), "endDate", today.toString())),
        "groupBy", List.of("SCORE_DIMENSION_CHANNEL")));
    JsonNode cell = scores.path("cells").get(0);
    Locator row = page.locator(".explore-table tr[data-slice='" + cell.path("key").get(0).path("value").asText() + "']");
    assertThat(row.locator("td").nth(2).textContent()).isEqualTo(integer(cell.path("score").path("n").asLong()));
    row.locator("button").click();
    page.locator("#verbatims li[data-response-id]").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertThat(page.locator("#verbatims li[data-response-id] blockquote").count()).isPositive();
    shoot(page, "explore");
  }

  @Test
  void noAxeViolationOnTheInsightViewsAtPhoneWidthEither() throws Exception {
    var found = new ArrayList<String>();
    for (String view : List.of("customers", "voc", "journeys", "explore")) {
      Page desktop = signedIn(browsers.desktop("fr-FR", true), view);
      settle(desktop, view);
      Axe.violations(desktop).forEach(v -> found.add(view + " (desktop): " + v));
      desktop.context().close();
      Page phone = signedIn(browsers.phone("en-GB", true), view);
      settle(phone, view);
      Axe.violations(phone).forEach(v -> found.add(view + " (phone): " + v));
      phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(view + "-phone.png")).setFullPage(true));
      phone.context().close();
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aViewerSeesTheCardsButNoDiscoveryNorSegmentForm() throws Exception {
    String viewer = "viewer-" + UUID.randomUUID() + "@example.com";
    JsonNode invitation = send("POST", "/v1/admin/tenants/" + DemoLoader.TENANT + "/invitations", Map.of("email", viewer, "role", "TENANT_ROLE_VIEWER"));
    String secret = invitation.path("invitePath").asText().replaceFirst(".*/invite/", "");
    var viewerSession = new CookieManager();
    var client = HttpClient.newBuilder().cookieHandler(viewerSession).build();
    var joined = client.send(HttpRequest.newBuilder(base.resolve("/auth/invitations/" + secret))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("display_name", "Viewer", "password", PASSWORD))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    Page page = signedIn(browsers.desktop("en-GB", true), "customers", viewerSession);
    page.locator("#segment-rules").waitFor();
    assertThat(page.locator(".customer-card").count()).isPositive();
    assertThat(page.locator("#segment-rules form").count()).isZero();
    assertThat(page.locator("#proposals button").count()).isZero();
    page.context().close();
  }

  /** Waits until the view has drawn what it draws last. */
  private static void settle(Page page, String view) {
    String last = switch (view) {
      case "customers" -> "#segment-rules";
      case "voc" -> "#voc-verbatims li";
      case "journeys" -> "#actions";
      default -> ".explore-table";
    };
    page.locator(last).first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
    page.waitForTimeout(300);
  }

  private Page signedIn(Page page, String view) {
    return signedIn(page, view, cookies);
  }

  /**
   * The page on the view with the session of a sign-in done over HTTP (the gateway throttles
   * sign-ins, so each user signs in once per class; the login page is the dashboard suite's).
   */
  private Page signedIn(Page page, String view, CookieManager session) {
    var cookies = new ArrayList<com.microsoft.playwright.options.Cookie>();
    for (var c : session.getCookieStore().getCookies()) {
      cookies.add(new com.microsoft.playwright.options.Cookie(c.getName(), c.getValue())
          .setUrl(base.resolve("/").toString()).setHttpOnly(c.isHttpOnly()).setSecure(c.getSecure()));
    }
    page.context().addCookies(cookies);
    page.navigate(base.resolve("/app/#/" + view).toString());
    page.locator("nav a").first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page.locator("main h1").first().waitFor();
    return page;
  }

  private static void shoot(Page page, String view) {
    page.waitForTimeout(300);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(view + "-desktop.png")).setFullPage(true));
  }

  /** A comment with a script in it, submitted now to the home-delivery survey, once analysed. */
  private String plantComment() throws Exception {
    String surveyId = null;
    for (JsonNode survey : api("/v1/surveys?pageSize=20").path("surveys")) {
      if (survey.path("title").asText().contains("livraison à domicile")) {
        surveyId = survey.path("surveyId").asText();
      }
    }
    assertThat(surveyId).isNotNull();
    JsonNode response = send("POST", "/v1/surveys/" + surveyId + "/responses", Map.of(
        "channel", "CHANNEL_EMAIL",
        "answers", List.of(Map.of("questionId", "nps", "score", 2),
            Map.of("questionId", "why", "text", "Livraison en retard " + EVIL + " colis abîmé."))));
    String id = response.path("responseId").asText();
    Instant until = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(until)) {
      if (api("/v1/text/responses/" + id).path("comments").size() > 0) {
        return id;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the planted comment was not analysed within a minute");
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode node : list) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError(value + " not in " + list);
  }

  /** An integer as the English pages show it (1,234). */
  private static String integer(long value) {
    return String.format(java.util.Locale.ENGLISH, "%,d", value);
  }

  private JsonNode api(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    if (csrf != null && !"GET".equals(method)) {
      request.header("X-CSRF-Token", csrf);
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
