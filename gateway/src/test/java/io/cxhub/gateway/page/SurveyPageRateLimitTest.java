package io.cxhub.gateway.page;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.backend.Backends;
import io.cxhub.gateway.backend.BackendFailures;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.ratelimit.PublicLimits;
import io.cxhub.gateway.ratelimit.RateLimitGatewayFilterFactory;
import io.cxhub.gateway.ratelimit.RateLimiter;
import io.cxhub.gateway.ratelimit.RateLimiters;
import io.cxhub.gateway.testing.FakeRespondentService;
import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.testing.InMemoryBucketStates;
import io.cxhub.gateway.testing.InProcessBackend;
import io.cxhub.gateway.transcode.ClientAddresses;
import io.cxhub.gateway.transcode.HttpRuleRouter;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.kit.trust.CallerTokens;
import io.cxhub.kit.trust.TrustKeys;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The hosted pages {@code /s/{token}} are limited by the public API's buckets (issue 8): per
 * address and link, per link, per address; 429 with Retry-After, a readable page for browsers.
 */
class SurveyPageRateLimitTest {

  private static final String ADDRESS = "198.51.100.7";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final RateLimiter limiter =
      RateLimiters.over(new InMemoryBucketStates(), Runnable::run, clock, Duration.ofSeconds(1), 0.1, 1000);
  // per key 100; per address and link 3; per link 5; per address over every link 4
  private final RateLimitGatewayFilterFactory.Limits limits = new RateLimitGatewayFilterFactory.Limits(
      new RateLimiter.Limit(100, Duration.ofMinutes(1)), new RateLimiter.Limit(3, Duration.ofMinutes(1)),
      new RateLimiter.Limit(5, Duration.ofMinutes(1)), new RateLimiter.Limit(4, Duration.ofMinutes(1)));
  private final FakeRespondentService respondent = new FakeRespondentService();
  private final InProcessBackend backend = new InProcessBackend(respondent.definition());
  private final WebTestClient client;

  SurveyPageRateLimitTest() {
    var invoker = new RpcInvoker(Backends.connect(Map.of(), Map.of("survey", backend.channel())),
        CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().recordException(BackendFailures::isFailure).build()),
        Duration.ofSeconds(5), new CallerTokens(TrustKeys.ephemeral("gateway")));
    var endpoints = new SurveyPageEndpoints(new RespondentClient(invoker, CATALOG), new ClientAddresses(true),
        new PublicLimits(limiter, limits));
    client = WebTestClient.bindToRouterFunction(endpoints.routes()).build();
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  private EntityExchangeResult<String> page(String token, MediaType accept) {
    return client.get().uri("/s/" + token).accept(accept).header("X-Forwarded-For", ADDRESS).exchange().expectBody(String.class).returnResult();
  }

  @Test
  void aBrowserGetsAReadablePageWithRetryAfterOnceTheLinkIsOverItsBudget() {
    for (int i = 0; i < 3; i++) {
      var allowed = page("tok-a", MediaType.TEXT_HTML);
      assertThat(allowed.getStatus().value()).isNotEqualTo(429);
      assertThat(allowed.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
      assertThat(allowed.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }

    var refused = page("tok-a", MediaType.TEXT_HTML);
    assertThat(refused.getStatus().value()).isEqualTo(429);
    assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(refused.getResponseBody()).contains("Too many attempts");

    var json = page("tok-a", MediaType.APPLICATION_JSON);
    assertThat(json.getStatus().value()).isEqualTo(429);
    assertThat(json.getResponseBody()).contains("\"error\"");
  }

  @Test
  void thePostedFormTakesFromTheBucketsOfTheSubmitOperation() {
    for (int i = 0; i < 3; i++) {
      page("tok-b", MediaType.TEXT_HTML);
    }
    assertThat(page("tok-b", MediaType.TEXT_HTML).getStatus().value()).isEqualTo(429);
    // the form post is another operation: a per-link budget of its own, but the per-address
    // budget over every public operation (4) is shared: 3 taken by the pages, 1 left
    assertThat(post("tok-b").getStatus().value()).isNotEqualTo(429);
    var refused = post("tok-b");
    assertThat(refused.getStatus().value()).isEqualTo(429);
    assertThat(refused.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("4");
    assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
  }

  private EntityExchangeResult<String> post(String token) {
    return client.post().uri("/s/" + token).header("X-Forwarded-For", ADDRESS)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
        .bodyValue("_key=k1").exchange().expectBody(String.class).returnResult();
  }

  @Test
  void aPageAndTheApiRouteOfTheSameLinkShareOneBudget() {
    var apiLimit = new RateLimitGatewayFilterFactory(limiter, limits, new ClientAddresses(true), PROBLEMS)
        .apply(new Object());
    var match = new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS)
        .apply(new Object());
    for (int i = 0; i < 3; i++) {
      var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/public/surveys/tok-c")
          .header("X-Forwarded-For", ADDRESS));
      FilterChains.run(exchange, match, apiLimit);
      assertThat(exchange.getResponse().getStatusCode() == null
          ? 200 : exchange.getResponse().getStatusCode().value()).isNotEqualTo(429);
    }

    assertThat(page("tok-c", MediaType.TEXT_HTML).getStatus().value()).isEqualTo(429);
  }
}
