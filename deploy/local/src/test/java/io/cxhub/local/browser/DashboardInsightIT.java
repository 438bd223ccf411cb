package io.cxhub.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's insight views (Customers, Voice of the customer, Journeys, Explore) on the
 * demo tenant, in Debian's Chromium: each view shows the numbers the API gives, a slice drills
 * down to its comments, highlights are {@code <mark>} elements and a script planted in a
 * comment is shown as text, never run; axe-core finds no violation; screenshots of every view
 * at desktop and phone widths are kept in {@code target/screenshots/insight/}.
 *
 * <p>On the run's shared {@link DemoHub}, as the demo's admin user; the viewer's gating with a
 * new viewer.
 */
@ExtendWith(DemoHubExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardInsightIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target", "screenshots", "insight");
  private static final String EVIL = "<script>window.__planted = 1</script><img src=x onerror=\"window.__planted = 2\">";

  private DemoHub demo;
  private DemoHub.User admin;
  private Browsers browsers;

  @BeforeAll
  void start(DemoHub demo) throws IOException {
    this.demo = demo;
    admin = demo.demoUser();
    browsers = Browsers.launch();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stop() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void customersShowThePersonaCardsAndValueTiersOfTheApi() {
    // The demo's customer values and persona assignments settle in the background (the
    // customer feed is relayed and value recomputed every 30 s): compare the page with the API
    // only when the API said the same before and after the page was read.
    for (int attempt = 1; ; attempt++) {
      String before = customersSnapshot();
      JsonNode persona = api("/v1/personas?pageSize=100").path("personas").get(0);
      Page page = signedIn(browsers.desktop("en-GB", true), "customers");
      Locator shown = page.locator(".customer-card[data-subject='" + persona.path("personaId").asText() + "']");
      shown.waitFor();
      page.locator("tr[data-tier=VALUE_TIER_CHAMPIONS] td").first().waitFor();
      String onPage = String.join("|", shown.locator("[data-size]").textContent(),
          shown.locator("[data-score=nps]").textContent(),
          page.locator("tr[data-tier=VALUE_TIER_CHAMPIONS] td").first().textContent());
      String after = customersSnapshot();
      if (!before.equals(after)) {
        assertThat(attempt).as("the demo's customer values kept changing: %s then %s", before, after).isLessThan(6);
        page.close();
        continue;
      }
      JsonNode card = api("/v1/personas/" + persona.path("personaId").asText() + "/card");
      JsonNode champions = find(api("/v1/customer-value").path("tiers"), "tier", "VALUE_TIER_CHAMPIONS");
      String[] parts = onPage.split("\\|");
      assertThat(parts[0]).isEqualTo(integer(card.path("size").asLong()));
      assertThat(parts[1]).contains("n = " + integer(card.path("nps").path("n").asLong()));
      assertThat(parts[2]).isEqualTo(integer(champions.path("customers").asLong()));
      assertThat(page.locator("#cu-contacts ~ .chart canvas, #cu-contacts ~ div canvas").count()).isPositive();
      assertThat(page.locator("#proposals button[name=discover]").count()).as("an admin may discover personas").isEqualTo(1);
      shoot(page, "customers");
      return;
    }
  }

  /** What the customers view shows of the API: the first persona's size and NPS n, the champions. */
  private String customersSnapshot() {
    JsonNode persona = api("/v1/personas?pageSize=100").path("personas").get(0);
    JsonNode card = api("/v1/personas/" + persona.path("personaId").asText() + "/card");
    JsonNode champions = find(api("/v1/customer-value").path("tiers"), "tier", "VALUE_TIER_CHAMPIONS");
    return card.path("size").asLong() + "/" + card.path("nps").path("n").asLong() + "/" + champions.path("customers").asLong();
  }

  @Test
  void vocListsThemesAndShowsPlantedScriptAsHighlightedText() throws InterruptedException {
    String responseId = plantComment();
    Page page = signedIn(browsers.desktop("en-GB", true), "voc");
    page.locator(".voc-theme-table tbody tr").first().waitFor();
    JsonNode themes = api("/v1/text/themes?filter.from=" + demo.today().minusDays(90) + "&filter.to=" + demo.today());
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
  void journeysShowTheFrictionRankingAndTheMeasuredAction() {
    String journeyId = api("/v1/journeys?pageSize=10").path("journeys").get(0).path("journeyId").asText();
    LocalDate today = demo.today();
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
    // the friction ranking: as many points as the API ranks over the same period
    JsonNode friction = api("/v1/journeys/" + journeyId + "/friction?slice.period.startDate=" + today.minusDays(89)
        + "&slice.period.endDate=" + today);
    page.locator("#friction > p").first().waitFor();
    assertThat(page.locator("#friction .friction-point").count()).isEqualTo(friction.path("frictionPoints").size());
    shoot(page, "journeys");
  }

  @Test
  void exploreSlicesNpsByChannelAndDrillsDownToTheVerbatims() {
    Page page = signedIn(browsers.desktop("en-GB", true), "explore");
    page.locator(".explore-table tbody tr").first().waitFor();
    LocalDate today = demo.today();
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
  void aPersonasSliceDrillsDownToExactlyThatPersonasComments() {
    Page page = signedIn(browsers.desktop("en-GB", true), "explore");
    page.locator(".explore-table tbody tr").first().waitFor();
    page.locator("select[name=dimension]").selectOption("SCORE_DIMENSION_PERSONA");
    page.locator(".explore-filters button[type=submit]").click();
    LocalDate today = demo.today();
    JsonNode scores = send("POST", "/v1/scores:query", Map.of("metric", "SCORE_METRIC_NPS",
        "filter", Map.of("period", Map.of("startDate", today.minusDays(364).toString(), "endDate", today.toString())),
        "groupBy", List.of("SCORE_DIMENSION_PERSONA")));
    String persona = null;
    for (JsonNode cell : scores.path("cells")) {
      String value = cell.path("key").get(0).path("value").asText();
      if (!value.isEmpty() && !value.equals("unassigned")) {
        persona = value;
        break;
      }
    }
    assertThat(persona).as("the demo's answers come from customers with personas").isNotNull();
    Locator row = page.locator(".explore-table tr[data-slice='" + persona + "']");
    row.waitFor();
    row.locator("button").click();
    page.locator("#verbatims li[data-response-id]").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertThat(page.locator("#verbatims p.meta").count()).as("an exact drill-down, no fallback note").isZero();
    // the persona's comments as the API filters them (a larger page: live answers keep arriving)
    JsonNode expected = api("/v1/text/verbatims?pageSize=100&personaId=" + persona + "&from=" + today.minusDays(366)
        + "&to=" + today.plusDays(1));
    var ids = new ArrayList<String>();
    expected.path("verbatims").forEach(v -> ids.add(v.path("responseId").asText()));
    assertThat(ids).isNotEmpty();
    assertThat(page.locator("#verbatims li[data-response-id]").evaluateAll(
        "items => items.map(i => i.dataset.responseId)")).asList().isNotEmpty().isSubsetOf(ids);
  }

  @Test
  void noAxeViolationOnTheInsightViewsAtPhoneWidthEither() {
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
  void anAnalystDiscoversPersonasAndCanAdoptAProposal() {
    DemoHub.User analyst = demo.user(DemoHub.Role.ANALYST);
    Page page = signedIn(browsers.desktop("fr-FR", true), "customers", analyst);
    page.locator("#proposals button[name=discover]").click();
    page.locator("#proposals [data-silhouette]").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    double silhouette = Double.parseDouble(page.locator("#proposals [data-silhouette]").textContent().replace(',', '.').replace('\u2212', '-'));
    assertThat(silhouette).isBetween(-1.0, 1.0);
    Locator proposal = page.locator("#proposals .proposal").last();
    // adopting would add a persona to the shared demo tenant (DemoIT counts them): the
    // request is answered here, and its path and body checked
    var asked = new ArrayList<String>();
    page.route("**/proposals/*:adopt", route -> {
      asked.add(route.request().url() + " " + route.request().postData());
      route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(200).setContentType("application/json")
          .setBody("{\"persona\":{\"personaId\":\"p1\",\"name\":\"Persona IT\"},\"assignedCustomers\":\"12\"}"));
    });
    proposal.locator("input[name=name]").fill("Persona IT");
    proposal.locator("button[type=submit]").click();
    proposal.locator(".result").filter(new Locator.FilterOptions().setHasText("Persona IT")).waitFor();
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0)).contains("/v1/persona-discoveries/").contains("\"name\":\"Persona IT\"");
    assertThat(proposal.locator("button[type=submit]").isDisabled()).isTrue();
    page.context().close();
  }

  @Test
  void anAnalystEditsAPersonasTextsThenDeletesIt() {
    // a persona of its own, so that the demo's three (DemoIT counts them) stay as they are
    String id = send("POST", "/v1/personas", Map.of("name", "Persona edit IT", "goals", List.of("Old goal")))
        .path("personaId").asText();
    try {
      DemoHub.User analyst = demo.user(DemoHub.Role.ANALYST);
      Page page = signedIn(browsers.desktop("fr-FR", true), "customers", analyst);
      Locator card = page.locator(".customer-card[data-persona='" + id + "']");
      card.locator(".persona-edit summary").click();
      card.locator("input[name=name]").fill("Persona modifié IT");
      card.locator("textarea[name=goals]").fill("Livré avant 18 h\n\n  Sans rappel  ");
      card.locator("form[name=persona] button[type=submit]").click();
      page.locator(".customer-card[data-persona='" + id + "'] h3").filter(new Locator.FilterOptions()
          .setHasText("Persona modifié IT")).waitFor();

      JsonNode stored = api("/v1/personas/" + id);
      assertThat(stored.path("name").asText()).isEqualTo("Persona modifié IT");
      assertThat(stored.path("goals").toString()).isEqualTo("[\"Livré avant 18 h\",\"Sans rappel\"]");
      assertThat(stored.path("etag").asText()).isEqualTo("2");
      assertThat(Axe.violations(page)).isEmpty();

      page.onceDialog(com.microsoft.playwright.Dialog::accept);
      Locator edited = page.locator(".customer-card[data-persona='" + id + "']");
      edited.locator(".persona-edit summary").click();
      edited.locator("button[name=delete]").click();
      edited.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
      assertThat(admin.send("GET", "/v1/personas/" + id, null).status()).isEqualTo(404);
      page.context().close();
    } finally {
      admin.send("DELETE", "/v1/personas/" + id, null);
    }
  }

  @Test
  void aViewerSeesTheCardsButNoDiscoveryNorSegmentForm() {
    DemoHub.User viewer = demo.user(DemoHub.Role.VIEWER);
    Page page = signedIn(browsers.desktop("en-GB", true), "customers", viewer);
    page.locator("#segment-rules").waitFor();
    assertThat(page.locator(".customer-card").count()).isPositive();
    assertThat(page.locator("#segment-rules form").count()).isZero();
    assertThat(page.locator("#proposals button:not([name=open]):not([name=more])").count()).isZero();
    assertThat(page.locator(".persona-edit").count()).as("viewers do not edit personas").isZero();
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
    return signedIn(page, view, admin);
  }

  /** The page on the view, with the user's session (signed in once per run: logins are throttled). */
  private Page signedIn(Page page, String view, DemoHub.User user) {
    user.signIn(page.context());
    page.navigate(demo.url("/app/#/" + view));
    page.locator("nav a").first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page.locator("main h1").first().waitFor();
    return page;
  }

  private static void shoot(Page page, String view) {
    page.waitForTimeout(300);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(view + "-desktop.png")).setFullPage(true));
  }

  /** A comment with a script in it, submitted now to the home-delivery survey, once analysed. */
  private String plantComment() throws InterruptedException {
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

  private JsonNode api(String path) {
    return send("GET", path, null);
  }

  private JsonNode send(String method, String path, Object body) {
    DemoHub.Reply reply = admin.send(method, path, body);
    assertThat(reply.status()).as("%s %s: %s", method, path, reply).isEqualTo(200);
    return reply.json();
  }
}
