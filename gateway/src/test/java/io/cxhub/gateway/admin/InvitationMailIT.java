package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.gateway.GatewayApplication;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dashboard invitations e-mailed through a real SMTP server (GreenMail): the person gets a
 * text and HTML message naming the tenant and the role, with the absolute link on the public
 * URL, whose secret accepts the invitation; when the SMTP server is down the invitation is
 * still created and usable, and the reply says the e-mail was not sent. (Without SMTP at
 * all, see {@code SessionIT}.) The last test stops the SMTP server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + GatewayApplication.NAME)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class InvitationMailIT {

  private static final String ADMIN_KEY = "cxk_invitation-mail-admin-key-0123456789";
  private static final String PUBLIC_URL = "https://cx.example.test";
  private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL + "/app/#/invite/") + "([A-Za-z0-9_-]+)");

  @TempDir
  static Path dataDir;

  static EmbeddedMongo mongo;
  static GreenMail smtp;

  @Autowired
  WebTestClient http;

  @BeforeAll
  static void startDependencies() throws Exception {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stopDependencies() {
    smtp.stop();
    mongo.close();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.data.mongodb.uri", () -> mongo.connectionString("cx_gateway"));
    registry.add("cx.gateway.bootstrap-api-key", () -> ADMIN_KEY);
    registry.add("cx.public-url", () -> PUBLIC_URL + "/");
    registry.add("cx.gateway.mail.host", () -> "127.0.0.1");
    registry.add("cx.gateway.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("cx.gateway.mail.security", () -> "none");
    registry.add("cx.gateway.mail.from", () -> "CX Hub <hub@example.test>");
  }

  @BeforeEach
  void generousTimeout() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  private JsonNode post(String path, Object body) {
    return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  private void tenant(String id, String name) {
    post("/v1/admin/tenants", Map.of("tenantId", id, "displayName", name));
  }

  private MimeMessage mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no e-mail to " + address));
  }

  private void accept(String secret) {
    http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("display_name", "Ana", "password", "correct horse battery"))
        .exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.email").exists();
  }

  @Test
  @Order(1)
  void theInviteeIsEMailedTheLinkInTheLanguageAskedForAndItsSecretAcceptsTheInvitation(CapturedOutput logs)
      throws Exception {
    tenant("rnd", "Acme <R&D> \"Lab\"");

    JsonNode reply = post("/v1/admin/tenants/rnd/invitations",
        Map.of("email", "Ana@Example.test", "role", "TENANT_ROLE_ANALYST", "language", "fr"));

    assertThat(reply.get("emailSent").asBoolean()).isTrue();
    String path = reply.get("invitePath").asText();
    assertThat(reply.get("inviteUrl").asText()).isEqualTo(PUBLIC_URL + path);

    MimeMessage mail = mailTo("ana@example.test");
    assertThat(mail.getSubject()).isEqualTo("Invitation à rejoindre Acme <R&D> \"Lab\" sur CX Hub");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    var parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text).contains("Acme <R&D> \"Lab\"").contains("Analyste").contains("expire le").contains(" UTC");
    assertThat(html).contains("Acme &lt;R&amp;D&gt; &quot;Lab&quot;").doesNotContain("<R&D>");
    assertThat(html).contains("href=\"" + reply.get("inviteUrl").asText() + "\"");

    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("absolute link in the text").isTrue();
    assertThat(path).isEqualTo("/app/#/invite/" + link.group(1));
    assertThat(logs.getAll()).contains("invitation e-mail sent tenant=rnd").doesNotContain(link.group(1));
    accept(link.group(1));
  }

  @Test
  @Order(2)
  void englishIsTheDefault() throws Exception {
    tenant("globex", "Globex");

    JsonNode reply = post("/v1/admin/tenants/globex/invitations", Map.of("email", "bo@example.test", "role", "TENANT_ROLE_VIEWER"));

    assertThat(reply.get("emailSent").asBoolean()).isTrue();
    MimeMessage mail = mailTo("bo@example.test");
    assertThat(mail.getSubject()).isEqualTo("You are invited to join Globex on CX Hub");
    String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    assertThat(text).contains("as Viewer").contains(reply.get("inviteUrl").asText()).contains("expires on");
  }

  @Test
  @Order(3)
  void anUnknownLanguageIsRefusedNamingTheField() {
    http.post().uri("/v1/admin/tenants/globex/invitations").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", "cy@example.test", "role", "TENANT_ROLE_VIEWER", "language", "de"))
        .exchange().expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("invitation.language");
  }

  @Test
  @Order(4)
  void withTheSmtpServerDownTheInvitationIsStillCreatedAndUsable(CapturedOutput logs) {
    smtp.stop();

    JsonNode reply = post("/v1/admin/tenants/globex/invitations", Map.of("email", "di@example.test", "role", "TENANT_ROLE_AGENT"));

    assertThat(reply.get("emailSent").asBoolean()).isFalse();
    String path = reply.get("invitePath").asText();
    assertThat(reply.get("inviteUrl").asText()).isEqualTo(PUBLIC_URL + path);
    String secret = path.substring("/app/#/invite/".length());
    assertThat(logs.getAll()).contains("invitation e-mail not sent tenant=globex invitationId=" + reply.get("invitationId").asText())
        .doesNotContain(secret);
    accept(secret);
  }
}
