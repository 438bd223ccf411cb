package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An e-mail campaign on the one-jar run, through the gateway only: the SMTP server is a real
 * one embedded in the test (GreenMail), the hub is configured by the environment-style
 * settings (CX_SMTP_*), and the link in the e-mail answers the survey through the public
 * REST API; the response carries the customer id, and the opt-out link works from a plain GET.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubInvitationsIT {

  private static final String ADMIN_KEY = "cx-e2e-admin-" + UUID.randomUUID();
  /** The hub's services read these through their own configuration files' placeholders. */
  private static final List<String> SETTINGS = List.of("CX_SMTP_HOST", "CX_SMTP_PORT", "CX_SMTP_SECURITY", "CX_SMTP_FROM");

  @TempDir
  static Path dataDir;

  private GreenMail smtp;
  private CxHub hub;
  private HubHttp http;

  @BeforeAll
  void start() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    System.setProperty("CX_SMTP_HOST", "127.0.0.1");
    System.setProperty("CX_SMTP_PORT", Integer.toString(port));
    System.setProperty("CX_SMTP_SECURITY", "none");
    System.setProperty("CX_SMTP_FROM", "Acme <surveys@acme.test>");
    hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY));
    http = new HubHttp(hub.gatewayUrl());
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
    SETTINGS.forEach(System::clearProperty);
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static Optional<String> admin() {
    return Optional.of(ADMIN_KEY);
  }

  private static String text(MimeMessage message) throws Exception {
    var multipart = (MimeMultipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("no text part");
  }

  @Test
  void theLinkInTheEmailAnswersTheSurveyThroughTheGatewayAndTheResponseCarriesTheCustomerId() throws Exception {
    var survey = http.post("/v1/surveys", admin(), Map.of("title", "Livraison", "questions", List.of(
        Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS", "text", "Recommanderiez-vous ?", "required", true))));
    assertThat(survey.status()).as("%s", survey).isEqualTo(200);
    String surveyId = survey.json().path("surveyId").asText();
    var distribution = http.post("/v1/surveys/" + surveyId + "/distributions", admin(),
        Map.of("channel", "CHANNEL_LINK", "name", "Invitations"));
    String distributionId = distribution.json().path("distributionId").asText();

    var campaign = http.post("/v1/distributions/" + distributionId + "/campaigns", admin(), Map.of(
        "campaign", Map.of("name", "Après livraison", "channel", "CHANNEL_EMAIL", "language", "fr",
            "reminderAfter", "259200s"),
        "recipients", List.of(Map.of("customerId", "cust-42", "email", "alice@example.test", "name", "Alice"))));
    assertThat(campaign.status()).as("%s", campaign).isEqualTo(200);
    String campaignId = campaign.json().path("campaignId").asText();

    var bad = http.post("/v1/distributions/" + distributionId + "/campaigns", admin(), Map.of(
        "campaign", Map.of("channel", "CHANNEL_EMAIL"), "recipients", List.of(Map.of("email", "nope"))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body()).contains("recipients[0].email");

    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
    String text = text(smtp.getReceivedMessages()[0]);
    var link = Pattern.compile(Pattern.quote(hub.publicUrl()) + "/s/([a-z0-9]+)").matcher(text);
    assertThat(link.find()).as(text).isTrue();
    String token = link.group(1);

    var shown = http.get("/v1/public/surveys/" + token, Optional.empty());
    assertThat(shown.status()).as("%s", shown).isEqualTo(200);
    assertThat(shown.json().path("channel").asText()).isEqualTo("CHANNEL_EMAIL");
    var answered = http.post("/v1/public/surveys/" + token + "/responses", Optional.empty(),
        Map.of("answers", List.of(Map.of("questionId", "nps", "score", 9))));
    assertThat(answered.status()).as("%s", answered).isEqualTo(200);

    var responses = http.get("/v1/responses?surveyId=" + surveyId, admin());
    assertThat(responses.json().path("responses").get(0).path("context").path("customerId").asText())
        .isEqualTo("cust-42");
    var report = http.get("/v1/campaigns/" + campaignId + "/report", admin());
    assertThat(report.json().path("total").path("responded").asText()).isEqualTo("1");
    assertThat(report.json().path("total").path("responseRate").asDouble()).isEqualTo(1.0);
    var rates = http.get("/v1/surveys/" + surveyId + "/response-rates", admin());
    assertThat(rates.json().path("byChannel").get(0).path("channel").asText()).isEqualTo("CHANNEL_EMAIL");

    var optOut = Pattern.compile("(/v1/public/invitations/[a-z0-9]+/opt-out)").matcher(text);
    assertThat(optOut.find()).isTrue();
    // a browser (or a mail scanner) following the link gets a question, and is not opted out by it
    var browser = HttpClient.newHttpClient();
    var page = browser.send(HttpRequest.newBuilder(hub.gatewayUrl().resolve(optOut.group(1)))
        .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "fr-FR,fr;q=0.9").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<form method=\"post\"").contains("Me désinscrire");
    assertThat(suppressedInANewCampaign(distributionId)).as("a GET alone opts nobody out").isZero();
    // its button posts the form: opted out, with a page to say so
    var done = browser.send(HttpRequest.newBuilder(hub.gatewayUrl().resolve(optOut.group(1)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString("lang=fr")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("Vous êtes désinscrit");
    assertThat(suppressedInANewCampaign(distributionId)).as("the address is now suppressed").isOne();
    var unknown = browser.send(HttpRequest.newBuilder(hub.gatewayUrl().resolve("/v1/public/invitations/nosuchtoken0/opt-out"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    // API clients keep the JSON RPC (idempotent)
    var optedOut = http.get(optOut.group(1), Optional.empty());
    assertThat(optedOut.status()).as("%s", optedOut).isEqualTo(200);
    assertThat(optedOut.json().path("optedOut").asBoolean()).isTrue();
    assertThat(http.post(optOut.group(1), Optional.empty(), "{}").status()).as("one-click POST too").isEqualTo(200);
    assertThat(http.get("/v1/campaigns/" + campaignId + "/report", Optional.empty()).status())
        .as("the report needs a key").isEqualTo(401);
  }

  /** Creates a campaign to Alice again and returns how many of its recipients were suppressed. */
  private long suppressedInANewCampaign(String distributionId) {
    var campaign = http.post("/v1/distributions/" + distributionId + "/campaigns", admin(), Map.of(
        "campaign", Map.of("name", "Relance " + UUID.randomUUID(), "channel", "CHANNEL_EMAIL", "language", "fr"),
        "recipients", List.of(Map.of("customerId", "cust-42", "email", "alice@example.test", "name", "Alice"))));
    assertThat(campaign.status()).as("%s", campaign).isEqualTo(200);
    var report = http.get("/v1/campaigns/" + campaign.json().path("campaignId").asText() + "/report", admin());
    return report.json().path("total").path("suppressed").asLong();
  }
}
