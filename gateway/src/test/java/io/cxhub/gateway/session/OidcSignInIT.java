package io.cxhub.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.gateway.GatewayApplication;
import io.cxhub.gateway.testing.FakeSurveyService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Single sign-on against a real OpenID provider on a local port (mock-oauth2-server): the
 * browser's redirects are followed by hand so that each leg (the gateway's redirect with its
 * PKCE challenge, the provider's answer, the callback with the attempt cookie) is checked.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + GatewayApplication.NAME)
class OidcSignInIT {

  private static final String ADMIN_KEY = "cxk_oidc-test-admin-key-0123456789abcdef";
  private static final String ISSUER_ID = "cxhub";
  private static final String CLIENT_ID = "cx-hub-dashboard";

  @TempDir
  static Path dataDir;

  static EmbeddedMongo mongo;
  static Server surveyServer;
  static MockOAuth2Server provider;
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Autowired
  WebTestClient http;

  @BeforeAll
  static void startDependencies() throws IOException {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    surveyServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new FakeSurveyService().definition()).build().start();
    provider = new MockOAuth2Server();
    provider.start();
  }

  @AfterAll
  static void stopDependencies() throws InterruptedException {
    provider.shutdown();
    surveyServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    mongo.close();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.data.mongodb.uri", () -> mongo.connectionString("cx_gateway"));
    registry.add("cx.gateway.backends.survey", () -> "127.0.0.1:" + surveyServer.getPort());
    registry.add("cx.gateway.bootstrap-api-key", () -> ADMIN_KEY);
    registry.add("cx.gateway.session.oidc.issuer", () -> provider.issuerUrl(ISSUER_ID).toString());
    registry.add("cx.gateway.session.oidc.client-id", () -> CLIENT_ID);
    registry.add("cx.gateway.session.oidc.client-secret", () -> "a-client-secret");
    registry.add("cx.gateway.session.oidc.label", () -> "Acme SSO");
  }

  @BeforeEach
  void generousTimeout() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  /** What the provider will say about the next person it signs in. */
  private static void providerAsserts(Map<String, Object> claims) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + claims.hashCode(), "JWT",
        List.of(CLIENT_ID), claims, 3600));
  }

  private void invite(String email, String role) {
    http.post().uri("/v1/admin/tenants/default/invitations")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "role", role))
        .exchange().expectStatus().isOk();
  }

  /** The gateway's first leg: the redirect to the provider and the attempt cookie. */
  private record Started(URI authorize, String attemptCookie) {}

  private Started start() {
    var result = http.get().uri("/auth/oidc/login").exchange()
        .expectStatus().isFound().expectBody().returnResult();
    ResponseCookie cookie = result.getResponseCookies().getFirst(OidcEndpoints.COOKIE);
    assertThat(cookie).isNotNull();
    return new Started(result.getResponseHeaders().getLocation(), cookie.getValue());
  }

  /** The provider's leg: it signs the person in (no form) and redirects back with a code. */
  private static URI atProvider(URI authorize) throws Exception {
    HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    return URI.create(answer.headers().firstValue("Location").orElseThrow());
  }

  private static String pathAndQuery(URI uri) {
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void theSignInPageOffersIt() {
    http.get().uri("/auth/config").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.oidc.enabled").isEqualTo(true)
        .jsonPath("$.oidc.label").isEqualTo("Acme SSO");
  }

  @Test
  void theRedirectCarriesPkceStateAndNonceAndTheCookieIsLax() {
    var result = http.get().uri("/auth/oidc/login").exchange().expectStatus().isFound().expectBody().returnResult();
    URI authorize = result.getResponseHeaders().getLocation();
    assertThat(authorize.toString()).startsWith(provider.issuerUrl(ISSUER_ID).toString())
        .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=").contains("nonce=")
        .contains("client_id=" + CLIENT_ID).contains("scope=openid");
    ResponseCookie cookie = result.getResponseCookies().getFirst(OidcEndpoints.COOKIE);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
  }

  @Test
  void anInvitedPersonSignsInThroughTheProviderAndKeepsTheirAccount() throws Exception {
    invite("sso.analyst@example.com", "TENANT_ROLE_ANALYST");
    String firstUserId = null;
    for (int time = 0; time < 2; time++) {
      providerAsserts(Map.of("email", "Sso.Analyst@example.com", "email_verified", true, "name", "Sam Sso"));
      Started started = start();
      URI back = atProvider(started.authorize());
      assertThat(back.getPath()).isEqualTo("/auth/oidc/callback");
      var result = http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie())
          .exchange().expectStatus().isSeeOther().expectBody().returnResult();
      assertThat(result.getResponseHeaders().getLocation()).hasToString("/app/");
      ResponseCookie session = result.getResponseCookies().getFirst(SessionAuthenticator.COOKIE);
      assertThat(session.isHttpOnly()).isTrue();
      assertThat(session.getSameSite()).isEqualTo("Strict");
      assertThat(result.getResponseCookies().getFirst(OidcEndpoints.COOKIE).getMaxAge()).isEqualTo(Duration.ZERO);
      JsonNode me = http.get().uri("/auth/session").cookie(SessionAuthenticator.COOKIE, session.getValue())
          .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
      assertThat(me.get("email").asText()).isEqualTo("sso.analyst@example.com");
      assertThat(me.get("role").asText()).isEqualTo("TENANT_ROLE_ANALYST");
      assertThat(me.get("tenant_id").asText()).isEqualTo("default");
      assertThat(me.get("display_name").asText()).isEqualTo("Sam Sso");
      if (firstUserId == null) {
        firstUserId = me.get("user_id").asText();
      } else {
        assertThat(me.get("user_id").asText()).as("the second sign-in opens the same account").isEqualTo(firstUserId);
      }
    }
    // the account has no password: the address cannot sign in with one
    http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", "sso.analyst@example.com", "password", "anything-at-all"))
        .exchange().expectStatus().isUnauthorized();
  }

  @Test
  void aProviderThatNamesPeopleByTheirAddressWithoutAnEmailClaimIsUnderstood() throws Exception {
    // Microsoft Entra ID and Keycloak put the address in preferred_username; mock-oauth2-server's
    // login form makes the typed name the subject
    invite("entra.user@example.com", "TENANT_ROLE_VIEWER");
    providerAsserts(Map.of("preferred_username", "entra.user@example.com"));
    Started started = start();
    URI back = atProvider(started.authorize());
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie())
        .exchange().expectStatus().isSeeOther();

    providerAsserts(Map.of("preferred_username", "not-an-address"));
    Started again = start();
    URI back2 = atProvider(again.authorize());
    http.get().uri(pathAndQuery(back2)).cookie(OidcEndpoints.COOKIE, again.attemptCookie())
        .exchange().expectStatus().isUnauthorized()
        .expectBody(String.class).value(html -> assertThat(html).contains("e-mail address"));
  }

  @Test
  void someoneNeitherUserNorInvitedIsTurnedAwayPolitely() throws Exception {
    providerAsserts(Map.of("email", "stranger@example.com"));
    Started started = start();
    URI back = atProvider(started.authorize());
    var result = http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie())
        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
        .exchange().expectStatus().isForbidden()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class).returnResult();
    assertThat(result.getResponseBody()).contains("Demandez une invitation").doesNotContain("stranger@example.com");
    assertThat(result.getResponseCookies().getFirst(SessionAuthenticator.COOKIE)).isNull();
  }

  @Test
  void anAddressTheProviderSaysIsUnverifiedIsRefused() throws Exception {
    invite("unverified@example.com", "TENANT_ROLE_VIEWER");
    providerAsserts(Map.of("email", "unverified@example.com", "email_verified", false));
    Started started = start();
    URI back = atProvider(started.authorize());
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie())
        .exchange().expectStatus().isUnauthorized()
        .expectBody(String.class).value(html -> assertThat(html).contains("not verified"));
  }

  @Test
  void anIdTokenIssuedForAnotherSignInIsRefused() throws Exception {
    invite("nonce@example.com", "TENANT_ROLE_VIEWER");
    providerAsserts(Map.of("email", "nonce@example.com"));
    Started started = start();
    // the provider is asked with another nonce: its ID token then belongs to another sign-in
    URI back = atProvider(URI.create(started.authorize().toString().replaceAll("nonce=[^&]+", "nonce=someone-elses")));
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie())
        .exchange().expectStatus().isUnauthorized()
        .expectBody(String.class).value(html -> assertThat(html).contains("invalid ID token"));
  }

  @Test
  void anAnswerWithoutTheBrowsersCookieOrWithAnotherStateOrReplayedSignsNobodyIn() throws Exception {
    invite("replay@example.com", "TENANT_ROLE_ADMIN");
    providerAsserts(Map.of("email", "replay@example.com"));
    Started started = start();
    URI back = atProvider(started.authorize());
    // another browser (an attacker's link) has no attempt cookie
    http.get().uri(pathAndQuery(back)).exchange().expectStatus().isBadRequest();
    // a state that is not the attempt's (and the attempt is then used up)
    Started second = start();
    String forged = pathAndQuery(back).replaceAll("state=[^&]+", "state=forged");
    http.get().uri(forged).cookie(OidcEndpoints.COOKIE, second.attemptCookie()).exchange()
        .expectStatus().isBadRequest();
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, second.attemptCookie()).exchange()
        .expectStatus().isBadRequest();
    // the real attempt completes once; the same answer replayed does not sign in twice
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie()).exchange()
        .expectStatus().isSeeOther();
    http.get().uri(pathAndQuery(back)).cookie(OidcEndpoints.COOKIE, started.attemptCookie()).exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void theProvidersRefusalIsShown() throws Exception {
    Started started = start();
    var query = URI.create(started.authorize().toString()).getRawQuery();
    String state = java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("state="))
        .findFirst().orElseThrow().substring("state=".length());
    http.get().uri("/auth/oidc/callback?error=access_denied&state=" + state)
        .cookie(OidcEndpoints.COOKIE, started.attemptCookie())
        .exchange().expectStatus().isUnauthorized()
        .expectBody(String.class).value(html -> assertThat(html).contains("did not sign you in"));
  }
}
