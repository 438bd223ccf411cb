package io.cxhub.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.gateway.GatewayApplication;
import io.cxhub.gateway.testing.FakeSurveyService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dashboard sign-in through HTTP on a real port: invitations, cookie flags, CSRF, roles
 * enforced on the API exactly as for API keys, throttled sign-in, logout, CORS per tenant.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + GatewayApplication.NAME)
class SessionIT {

  private static final String ADMIN_KEY = "cxk_session-test-admin-key-0123456789abc";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;

  static EmbeddedMongo mongo;
  static Server surveyServer;
  static final FakeSurveyService survey = new FakeSurveyService();

  @Autowired
  WebTestClient http;

  @BeforeEach
  void generousTimeout() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  @BeforeAll
  static void startDependencies() throws IOException {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    surveyServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(survey.definition()).build().start();
  }

  @AfterAll
  static void stopDependencies() throws InterruptedException {
    surveyServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    mongo.close();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.data.mongodb.uri", () -> mongo.connectionString("cx_gateway"));
    registry.add("cx.gateway.backends.survey", () -> "127.0.0.1:" + surveyServer.getPort());
    registry.add("cx.gateway.bootstrap-api-key", () -> ADMIN_KEY);
    registry.add("cx.gateway.session.login-attempts-per-account", () -> "3");
  }

  /** A signed-in browser: its cookies and CSRF token. */
  record Browser(String session, String csrf, JsonNode body) {}

  private String invite(String email, String role) {
    var reply = http.post().uri("/v1/admin/tenants/default/invitations")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "role", role))
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    String path = reply.get("invitePath").asText();
    assertThat(path).startsWith("/app/#/invite/");
    // no SMTP server configured here: nothing is e-mailed, the admin copies the link
    assertThat(reply.get("emailSent").asBoolean()).isFalse();
    assertThat(reply.get("inviteUrl").asText()).isEqualTo("http://localhost:8080" + path);
    return path.substring("/app/#/invite/".length());
  }

  private Browser join(String role) {
    String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String secret = invite(email, role);
    var result = http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("display_name", "Pat", "password", "correct horse battery"))
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    var cookies = result.getResponseCookies();
    return new Browser(cookies.getFirst(SessionAuthenticator.COOKIE).getValue(),
        result.getResponseBody().get("csrf_token").asText(), result.getResponseBody());
  }

  @Nested
  class Cookies {

    @Test
    void sessionCookieIsHttpOnlySecureAndSameSite() {
      String email = "flags@example.com";
      String secret = invite(email, "TENANT_ROLE_ANALYST");
      var result = http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("password", "correct horse battery"))
          .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult();
      ResponseCookie cookie = result.getResponseCookies().getFirst(SessionAuthenticator.COOKIE);
      assertThat(cookie.isHttpOnly()).isTrue();
      assertThat(cookie.isSecure()).isTrue();
      assertThat(cookie.getSameSite()).isEqualTo("Strict");
      assertThat(cookie.getPath()).isEqualTo("/");
      assertThat(result.getResponseBody().get("role").asText()).isEqualTo("TENANT_ROLE_ANALYST");
      assertThat(result.getResponseBody().get("tenant_id").asText()).isEqualTo("default");
    }

    @Test
    void anInvitationWorksOnce() {
      String secret = invite("once@example.com", "TENANT_ROLE_VIEWER");
      http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("password", "correct horse battery")).exchange().expectStatus().isOk();
      http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("password", "correct horse battery")).exchange().expectStatus().isNotFound();
    }

    @Test
    void aShortPasswordIsRefusedNamingTheField() {
      String secret = invite("short@example.com", "TENANT_ROLE_VIEWER");
      http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("password", "short")).exchange()
          .expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }
  }

  @Nested
  class ApiWithTheCookie {

    @Test
    void readsActForTheUsersTenant() {
      var browser = join("TENANT_ROLE_VIEWER");
      http.get().uri("/v1/surveys/s1").cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isOk();
      assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("default");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
      var browser = join("TENANT_ROLE_ANALYST");
      http.post().uri("/v1/surveys").cookie(SessionAuthenticator.COOKIE, browser.session())
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
          .exchange().expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
      http.post().uri("/v1/surveys").cookie(SessionAuthenticator.COOKIE, browser.session())
          .header(SessionAuthenticator.CSRF_HEADER, "not-the-token")
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
          .exchange().expectStatus().isForbidden();
    }

    @Test
    void aChangeWithTheCsrfTokenPassesTheGateway() {
      var browser = join("TENANT_ROLE_ANALYST");
      var status = http.post().uri("/v1/surveys").cookie(SessionAuthenticator.COOKIE, browser.session())
          .header(SessionAuthenticator.CSRF_HEADER, browser.csrf())
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t\"}")
          .exchange().returnResult(String.class).getStatus().value();
      assertThat(status).isNotIn(401, 403);
    }

    @Test
    void aViewerCannotChangeAnything() {
      var browser = join("TENANT_ROLE_VIEWER");
      http.post().uri("/v1/surveys").cookie(SessionAuthenticator.COOKIE, browser.session())
          .header(SessionAuthenticator.CSRF_HEADER, browser.csrf())
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t\"}")
          .exchange().expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("TENANT_ROLE_ANALYST"));
    }

    @Test
    void aForgedCookieIsUnauthenticated() {
      http.get().uri("/v1/surveys/s1").cookie(SessionAuthenticator.COOKIE, "forged")
          .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsTheSession() {
      var browser = join("TENANT_ROLE_VIEWER");
      http.post().uri("/auth/logout").cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isForbidden();
      var result = http.post().uri("/auth/logout").cookie(SessionAuthenticator.COOKIE, browser.session())
          .header(SessionAuthenticator.CSRF_HEADER, browser.csrf())
          .exchange().expectStatus().isNoContent().expectBody().returnResult();
      assertThat(result.getResponseCookies().getFirst(SessionAuthenticator.COOKIE).getMaxAge()).isZero();
      http.get().uri("/v1/surveys/s1").cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isUnauthorized();
      http.get().uri("/auth/session").cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAdminUserManagesPeopleThroughTheAdminApi() {
      var browser = join("TENANT_ROLE_ADMIN");
      http.get().uri("/v1/admin/tenants/default/users").cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.users[?(@.email == '%s')]".formatted(browser.body().get("email").asText())).exists();
      var viewer = join("TENANT_ROLE_VIEWER");
      http.get().uri("/v1/admin/tenants/default/users").cookie(SessionAuthenticator.COOKIE, viewer.session())
          .exchange().expectStatus().isForbidden();
      http.patch().uri("/v1/admin/tenants/default/users/" + viewer.body().get("user_id").asText()
              + "?updateMask=role")
          .cookie(SessionAuthenticator.COOKIE, browser.session())
          .header(SessionAuthenticator.CSRF_HEADER, browser.csrf())
          .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "TENANT_ROLE_AGENT"))
          .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("TENANT_ROLE_AGENT");
      http.get().uri("/auth/session").cookie(SessionAuthenticator.COOKIE, viewer.session())
          .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("TENANT_ROLE_AGENT");
    }
  }

  @Nested
  class Login {

    @Test
    void signsInWithThePasswordAndThrottlesGuessing() {
      String email = "guess@example.com";
      String secret = invite(email, "TENANT_ROLE_VIEWER");
      http.post().uri("/auth/invitations/" + secret).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("password", "correct horse battery")).exchange().expectStatus().isOk();

      http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("email", email, "password", "correct horse battery"))
          .exchange().expectStatus().isOk()
          .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "(?i).*cx_session=.*httponly.*")
          .expectBody().jsonPath("$.email").isEqualTo(email);
      http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("email", email, "password", "wrong password!"))
          .exchange().expectStatus().isUnauthorized()
          .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
      // three attempts per account in the test's settings: the next ones are refused unheard
      var throttled = http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("email", email, "password", "correct horse battery"))
          .exchange().returnResult(String.class);
      var again = http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("email", email, "password", "correct horse battery"))
          .exchange().returnResult(String.class);
      assertThat(List.of(throttled.getStatus().value(), again.getStatus().value())).contains(429);
      var refused = throttled.getStatus().value() == 429 ? throttled : again;
      assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void anUnknownAddressIsTheSameAnswerAsAWrongPassword() {
      http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("email", "nobody@example.com", "password", "whatever it is"))
          .exchange().expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.detail").isEqualTo("The e-mail address or the password is wrong.");
    }

    @Test
    void badInputIs400() {
      http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("not json")
          .exchange().expectStatus().isBadRequest();
      http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "x"))
          .exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
              .contains("email").contains("password"));
    }
  }

  @Nested
  class Cors {

    @Test
    void preflightFromAnUnlistedOriginIsRefused() {
      http.options().uri("/v1/surveys").header(HttpHeaders.ORIGIN, "https://evil.example")
          .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
          .exchange().expectStatus().isForbidden()
          .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aListedOriginGetsCredentialedAnswersForItsTenantOnly() {
      http.put().uri("/v1/admin/tenants/default/corsPolicy")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("allowedOrigins", List.of("https://app.example.com:443", "http://localhost:5173")))
          .exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.allowedOrigins[0]").isEqualTo("https://app.example.com");

      http.options().uri("/v1/surveys").header(HttpHeaders.ORIGIN, "https://app.example.com")
          .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
          .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-csrf-token")
          .exchange().expectStatus().isNoContent()
          .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
          .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
          .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, x-csrf-token");

      var browser = join("TENANT_ROLE_VIEWER");
      http.get().uri("/v1/surveys/s1").header(HttpHeaders.ORIGIN, "https://app.example.com")
          .cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isOk()
          .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");

      http.get().uri("/v1/surveys/s1").header(HttpHeaders.ORIGIN, "https://other.example.com")
          .cookie(SessionAuthenticator.COOKIE, browser.session())
          .exchange().expectStatus().isForbidden()
          .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aMalformedOriginIsRefusedNamingTheField() {
      http.put().uri("/v1/admin/tenants/default/corsPolicy")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("allowedOrigins", List.of("https://ok.example", "https://x.example/path")))
          .exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[0].field").isEqualTo("corsPolicy.allowedOrigins[1]");
    }
  }

  @Nested
  class Dashboard {

    @Test
    void servesThePageWithItsChartLibraryAndAStrictPolicy() {
      http.get().uri("/").exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/app/");
      http.get().uri("/cases").exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/app/#/cases");
      String page = http.get().uri("/app/").exchange().expectStatus().isOk()
          .expectHeader().valueMatches("Content-Security-Policy", "default-src 'self'; script-src 'self' 'sha256-.*")
          .expectBody(String.class).returnResult().getResponseBody();
      var version = java.util.regex.Pattern.compile("/webjars/echarts/([0-9.]+)/dist/echarts.esm.min.js").matcher(page);
      assertThat(version.find()).as(page).isTrue();
      http.get().uri("/webjars/echarts/" + version.group(1) + "/dist/echarts.esm.min.js").exchange().expectStatus().isOk();
      http.get().uri("/app/js/main.js").exchange().expectStatus().isOk();
      http.get().uri("/app/js/views/overview.js").exchange().expectStatus().isOk();
    }
  }
}
