package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.cxhub.local.browser.Axe;
import io.cxhub.local.browser.Browsers;
import io.cxhub.local.browser.DemoHub;
import io.cxhub.local.browser.DemoHubExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's Set-up pages in Chromium on the demo tenant: an admin builds a survey
 * with its live preview and activates it, a distribution's QR code loads, an alert rule is
 * created, a failed webhook delivery is shown and sent again, an API key is shown once and
 * revoked, a bad field gets the API's error next to it; a viewer sees no edit control; and
 * axe-core finds no violation on any set-up page. Screenshots (desktop and phone) go to
 * {@code target/screenshots/setup-*.png}.
 */
@ExtendWith(DemoHubExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardSetupIT {

  private static final Path SHOTS = Path.of("target", "screenshots");

  private DemoHub demo;
  private DemoHub.User admin;
  private Browsers browsers;
  private HttpServer receiver;
  private final AtomicInteger received = new AtomicInteger();

  @BeforeAll
  void startBrowserAndReceiver(DemoHub demo) throws Exception {
    this.demo = demo;
    admin = demo.user(DemoHub.Role.ADMIN);
    // a partner endpoint that refuses every delivery (400: not retried, the delivery fails)
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
    });
    receiver.start();
    browsers = Browsers.launch();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stop() {
    if (browsers != null) {
      browsers.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private DemoHub.Reply api(String method, String path, Object body) {
    return demo.api(method, path, body);
  }

  private JsonNode get(String path) {
    var reply = demo.api(path);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  /** A new browser page (no cookie shared) signed in as {@code user}, in English or French. */
  private Page signIn(DemoHub.User user, boolean phone, String language) {
    Page page = phone ? browsers.phone(language, true) : browsers.desktop(language, true);
    page.addInitScript("localStorage.setItem('cx.lang', '" + language + "')");
    user.signIn(page.context());
    return page;
  }

  private Page admin() {
    return signIn(admin, false, "en");
  }

  private void open(Page page, String hash, String ready) {
    page.navigate(demo.url("/app/" + hash));
    page.locator(".setup-body " + ready).first().waitFor();
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("setup-" + name + ".png")).setFullPage(true));
  }

  @Test
  @Order(1)
  void anAdminBuildsASurveyWithThePreviewAndActivatesIt() {
    Page page = admin();
    open(page, "#/setup/surveys/new", ".builder");
    page.locator("select[name=defaultLanguage]").selectOption("fr");
    page.locator("input[name=title]").fill("Retour en magasin");
    page.locator("input[name=titleTranslation]").fill("Return in store");
    // the preview is the hosted page's markup and stylesheet in an iframe
    FrameLocator preview = page.frameLocator(".builder-preview iframe.preview-frame");
    expect(preview.locator("h1")).hasText("Retour en magasin");
    page.locator(".question-editor").nth(0).locator("input[name=text]").fill("Recommanderiez-vous notre magasin ?");
    expect(preview.locator(".scale-q .pick")).hasCount(11);
    expect(preview.locator(".ends")).containsText("0 = Pas du tout probable");
    page.locator(".add-question").click();
    Locator second = page.locator(".question-editor").nth(1);
    second.locator("select[name=kind]").selectOption("QUESTION_KIND_SINGLE_CHOICE");
    second = page.locator(".question-editor").nth(1);
    second.locator("input[name=text]").fill("Comment êtes-vous venu ?");
    second.locator("input[name=textTranslation]").fill("How did you come?");
    second.locator("input[name=label]").nth(0).fill("À pied");
    second.locator("input[name=label]").nth(1).fill("En voiture");
    second.locator("input[name=labelTranslation]").nth(0).fill("On foot");
    second.locator("input[name=labelTranslation]").nth(1).fill("By car");
    expect(preview.locator(".choice-q .choice")).hasCount(2);
    expect(preview.locator(".choice-q .choice").nth(1)).containsText("En voiture");
    page.locator(".preview-language").selectOption("en");
    expect(preview.locator("h1")).hasText("Return in store");
    expect(preview.locator(".choice-q .choice").nth(0)).containsText("On foot");
    expect(preview.locator("#send")).hasText("Send my answers");
    Axe.assertNoViolations(page);
    shot(page, "survey-builder-desktop");

    page.locator(".builder-form button[type=submit]").click();
    page.locator(".builder-form button.activate").waitFor();
    String surveyId = page.url().replaceAll(".*#/setup/surveys/", "");
    page.locator(".builder-form button.activate").click();
    page.locator(".setup-table tr[data-survey='" + surveyId + "']").waitFor();
    assertThat(page.locator(".setup-table tr[data-survey='" + surveyId + "'] .tag").textContent()).isEqualTo("Active");
    JsonNode survey = get("/v1/surveys/" + surveyId);
    assertThat(survey.path("state").asText()).isEqualTo("SURVEY_STATE_ACTIVE");
    assertThat(survey.path("questions")).hasSize(2);
    assertThat(survey.path("questions").get(1).path("choices").get(1).path("labelTranslations").path("en").asText())
        .isEqualTo("By car");
    Axe.assertNoViolations(page);
    shot(page, "surveys-desktop");

    // editing the active survey publishes version 2; the preview still shows version 1
    open(page, "#/setup/surveys/" + surveyId, ".builder");
    page.locator("input[name=title]").fill("Retour en magasin et retrait");
    page.locator(".builder-form button[type=submit]").click();
    page.locator(".preview-version").waitFor();
    expect(page.frameLocator(".builder-preview iframe.preview-frame").locator("h1")).hasText("Retour en magasin et retrait");
    page.locator(".preview-version").selectOption("1");
    expect(page.frameLocator(".builder-preview iframe.preview-frame").locator("h1")).hasText("Retour en magasin");
    assertThat(get("/v1/surveys/" + surveyId).path("version").asInt()).isEqualTo(2);
    page.context().close();
  }

  @Test
  @Order(2)
  void aBadFieldShowsTheApiErrorNextToIt() {
    Page page = admin();
    open(page, "#/setup/surveys/new", ".builder");
    page.locator(".question-editor input[name=text]").first().fill("Une question sans titre d'enquête");
    page.locator(".builder-form button[type=submit]").click();
    Locator title = page.locator("input[name=title]");
    page.locator(".field-error").first().waitFor();
    assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
    String describedBy = title.getAttribute("aria-describedby");
    assertThat(page.locator("#" + describedBy.trim().split(" ")[0]).textContent()).isNotBlank();
    assertThat(page.locator(".builder-form .form-error").textContent()).isNotBlank();
    Axe.assertNoViolations(page);
    page.context().close();
  }

  @Test
  @Order(3)
  void aDistributionsQrCodeImageLoads() {
    String surveyId = null;
    for (JsonNode s : get("/v1/surveys?pageSize=100").path("surveys")) {
      if (get("/v1/surveys/" + s.path("surveyId").asText() + "/distributions").path("distributions").size() > 0) {
        surveyId = s.path("surveyId").asText();
      }
    }
    assertThat(surveyId).as("the demo's QR distribution").isNotNull();
    Page page = admin();
    open(page, "#/setup/distributions/" + surveyId, ".distribution");
    page.locator(".distribution details summary").first().click();
    Locator img = page.locator(".distribution .qr img").first();
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", img.elementHandle());
    assertThat(((Number) img.evaluate("img => img.naturalWidth")).intValue()).isGreaterThanOrEqualTo(100);
    assertThat(page.locator(".distribution .status-actions button").count()).isGreaterThan(0);
    Axe.assertNoViolations(page);
    shot(page, "distributions-desktop");
    page.context().close();
  }

  @Test
  @Order(4)
  void anAlertRuleIsCreated() {
    Page page = admin();
    open(page, "#/setup/alerts", ".setup-table");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New rule")).first().click();
    Locator form = page.locator("form.rule-form");
    form.locator("input[name=name]").fill("Détracteurs retrait magasin");
    form.locator("input[name=keywords]").fill("attente, file");
    form.locator("input[name=team]").fill("magasins");
    Axe.assertNoViolations(page);
    form.locator("button[type=submit]").click();
    page.locator("tr[data-rule] td:text-is('Détracteurs retrait magasin')").waitFor();
    boolean found = false;
    for (JsonNode rule : get("/v1/alert-rules").path("rules")) {
      if (rule.path("name").asText().equals("Détracteurs retrait magasin")) {
        found = true;
        assertThat(rule.path("conditions").path("keywords").toString()).contains("attente", "file");
        assertThat(rule.path("actions").path("team").asText()).isEqualTo("magasins");
      }
    }
    assertThat(found).isTrue();
    shot(page, "alerts-desktop");
    page.context().close();
  }

  @Test
  @Order(5)
  void aFailedWebhookDeliveryIsShownAndSentAgain() throws Exception {
    var hook = api("POST", "/v1/webhooks", Map.of(
        "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
        "eventTypes", List.of("response.created")));
    assertThat(hook.status()).as("%s", hook).isEqualTo(200);
    String subscriptionId = hook.json().path("subscriptionId").asText();
    var survey = api("POST", "/v1/surveys", Map.of("title", "Webhook test",
        "questions", List.of(Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS", "text", "Recommend?", "required", true))));
    assertThat(survey.status()).as("%s", survey).isEqualTo(200);
    var response = api("POST", "/v1/surveys/" + survey.json().path("surveyId").asText() + "/responses",
        Map.of("answers", List.of(Map.of("questionId", "nps", "score", 9))));
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!demo.api("/v1/webhooks/" + subscriptionId + "/deliveries").body().contains("WEBHOOK_DELIVERY_STATE_FAILED")) {
      assertThat(System.nanoTime()).as("the delivery fails within 30 s").isLessThan(deadline);
      Thread.sleep(200);
    }
    int before = received.get();

    Page page = admin();
    open(page, "#/setup/webhooks/" + subscriptionId, "tr[data-delivery]");
    Locator row = page.locator("article[data-subscription='" + subscriptionId + "'] tr[data-delivery]").first();
    assertThat(row.locator(".tag").textContent()).isEqualTo("Failed");
    assertThat(row.locator(".attempts li").first().textContent()).contains("400");
    Axe.assertNoViolations(page);
    shot(page, "webhooks-desktop");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redeliver")).click();
    page.locator("[role=status]:text-is('Sent again.')").waitFor();
    assertThat(received.get()).isGreaterThan(before);
    page.context().close();
  }

  @Test
  @Order(6)
  void anApiKeyIsShownOnceAndRevoked() {
    Page page = admin();
    open(page, "#/setup/people", ".setup-table");
    Axe.assertNoViolations(page);
    shot(page, "people-desktop");
    Locator form = page.locator("form:has(input[name=displayName])");
    form.locator("input[name=displayName]").fill("BI tool");
    form.locator("button[type=submit]").click();
    Locator secret = form.locator("input.secret");
    secret.waitFor();
    String value = secret.inputValue();
    assertThat(value).isNotBlank();
    assertThat(withKey(value)).as("the new key works").isEqualTo(200);

    page.reload();
    page.locator(".setup-body tr[data-key]").first().waitFor();
    assertThat(page.content()).as("the secret is shown only once").doesNotContain(value);
    Locator row = page.locator("tr[data-key]:has-text('BI tool')");
    row.getByRole(AriaRole.BUTTON).click();
    row.locator(".tag:text-is('Revoked')").waitFor();
    assertThat(withKey(value)).as("the revoked key").isEqualTo(401);
    page.context().close();
  }

  @Test
  @Order(7)
  void aViewerSeesNoEditControl() {
    Page page = signIn(demo.user(DemoHub.Role.VIEWER), false, "en");
    open(page, "#/setup/surveys", ".setup-table");
    assertThat(page.locator(".subnav a").allTextContents()).containsExactly("Surveys", "Distributions", "Alerts", "Organisation");
    for (String section : List.of("surveys", "distributions", "alerts", "tenant")) {
      open(page, "#/setup/" + section, ".card");
      assertThat(page.locator(".setup-body form:not(.toolbar)").count()).as(section).isZero();
      assertThat(page.locator(".setup-body .row-actions button, .setup-body .status-actions button, .setup-body a.button:not(.secondary)").count())
          .as(section).isZero();
      assertThat(page.locator(".setup-body .card > p.meta").first().textContent()).contains("Read only");
      Axe.assertNoViolations(page);
    }
    page.context().close();
  }

  @Test
  @Order(8)
  void everySetUpPageIsAccessibleAndFitsAPhoneInFrench() {
    Page page = signIn(admin, true, "fr");
    for (String section : List.of("surveys", "distributions", "alerts", "webhooks", "people", "tenant")) {
      open(page, "#/setup/" + section, ".card");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
      Axe.assertNoViolations(page);
      assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
          .as("no horizontal scroll on %s (the page keeps the phone's width)", section).isLessThanOrEqualTo(Browsers.PHONE_WIDTH);
      shot(page, section + "-phone-fr");
    }
    open(page, "#/setup/surveys/new", ".builder");
    page.locator("input[name=title]").fill("Après votre retrait");
    Axe.assertNoViolations(page);
    shot(page, "survey-builder-phone-fr");
    page.locator(".builder-preview").scrollIntoViewIfNeeded();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("setup-survey-preview-phone-fr.png")));
    page.context().close();
  }

  @Test
  @Order(9)
  void anInvitationIsEMailedToTheDemoOutboxAndItsLinkShownToo() throws Exception {
    Page page = admin();
    open(page, "#/setup/people", ".setup-table");
    Locator form = page.locator("form:has(input[name=email])");
    form.locator("input[name=email]").fill("new.colleague@example.com");
    form.locator("select[name=language]").selectOption("fr");
    form.locator("button[type=submit]").click();
    Locator link = form.locator(".result input.secret");
    link.waitFor();
    // --demo without CX_SMTP_HOST sends to the demo outbox (the no-SMTP copy-the-link case is
    // covered by the gateway's InvitationMailIT and SessionIT): e-mailed, the link shown as a backup
    assertThat(form.locator(".result").getAttribute("data-email-sent")).isEqualTo("true");
    assertThat(form.locator(".result").textContent()).contains("E-mail sent to new.colleague@example.com");
    assertThat(link.inputValue()).startsWith(demo.publicUrl() + "/app/#/invite/");
    Path outbox = demo.inbox().mail().orElseThrow();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    boolean delivered = false;
    while (!delivered && System.nanoTime() < deadline) {
      try (var files = Files.list(outbox)) {
        delivered = files.filter(f -> f.toString().endsWith(".eml")).anyMatch(f -> {
          try {
            return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("new.colleague@example.com");
          } catch (IOException e) {
            return false;
          }
        });
      }
      if (!delivered) {
        Thread.sleep(200);
      }
    }
    assertThat(delivered).as("the invitation is kept in %s", outbox).isTrue();
    assertThat(page.locator("tr:has-text('new.colleague@example.com') .tag").textContent()).isEqualTo("Invitation pending");
    Axe.assertNoViolations(page);
    page.context().close();
  }

  /** Playwright's retrying assertions (the preview redraws asynchronously). */
  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  /** The status of a GET of the surveys with the API key {@code key}. */
  private int withKey(String key) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(demo.gatewayUrl().resolve("/v1/surveys?pageSize=1"))
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
