package io.cxhub.gateway.apikey;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.FakeTicker;
import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.TestKeys;
import io.cxhub.gateway.transcode.HttpRuleRouter;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Schedulers;

class ApiKeyAuthenticationGatewayFilterFactoryTest {

  private static final String MEMBER = "cxk_member";
  private static final String ADMIN = "cxk_admin";

  private final GatewayFilter match =
      new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS).apply(new Object());
  private final GatewayFilter authentication;

  ApiKeyAuthenticationGatewayFilterFactoryTest() {
    var keys = new InMemoryApiKeys();
    keys.insert(key(MEMBER, "acme", Role.ANALYST));
    keys.insert(key(ADMIN, "default", Role.ADMIN));
    var verifier = new ApiKeyVerifier(keys, Duration.ofSeconds(30), 100, new FakeTicker(), Schedulers.immediate());
    authentication = new ApiKeyAuthenticationGatewayFilterFactory(verifier, PROBLEMS).apply(new Object());
  }

  @Test
  void bindsTheKeysTenantToTheRequest() {
    ServerWebExchange reached = run(MockServerHttpRequest.get("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + MEMBER));

    assertThat(reached).isNotNull();
    assertThat(ApiKeyAuthenticationGatewayFilterFactory.caller(reached)).contains(new Caller("acme", "k-acme", Role.ANALYST, Scope.all(), false));
  }

  @Test
  void letsPublicOperationsThroughWithoutKeyOrTenant() {
    ServerWebExchange reached = run(MockServerHttpRequest.post("/v1/public/surveys/tok123/responses"));

    assertThat(reached).isNotNull();
    assertThat(ApiKeyAuthenticationGatewayFilterFactory.caller(reached)).isEmpty();
  }

  @Test
  void refusesARequestWithoutKey() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys/s1"));

    assertThat(FilterChains.run(exchange, match, authentication)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(jsonBody(exchange).path("type").asText()).isEqualTo("urn:cx:problem:unauthenticated");
  }

  @Test
  void refusesAnUnknownKey() {
    var exchange = MockServerWebExchange.from(
        MockServerHttpRequest.get("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer cxk_forged"));

    assertThat(FilterChains.run(exchange, match, authentication)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
  }

  @Test
  void refusesOtherAuthorizationSchemes() {
    var exchange = MockServerWebExchange.from(
        MockServerHttpRequest.get("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwdw=="));

    assertThat(FilterChains.run(exchange, match, authentication)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void authenticatesWhateverTheRoleAndLeavesTheDecisionToAuthorize() {
    assertThat(run(MockServerHttpRequest.get("/v1/admin/tenants").header(HttpHeaders.AUTHORIZATION, "bearer " + MEMBER)))
        .isNotNull();
  }

  private ServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
    return FilterChains.run(MockServerWebExchange.from(request), match, authentication);
  }

  private static ApiKey key(String secret, String tenant, Role role) {
    return TestKeys.key(secret, tenant, role, Scope.all()).toBuilder().keyId("k-" + tenant).build();
  }
}
