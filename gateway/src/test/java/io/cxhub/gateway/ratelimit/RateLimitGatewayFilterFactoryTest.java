package io.cxhub.gateway.ratelimit;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.testing.FakeTicker;
import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryBucketStates;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.gateway.testing.TestKeys;
import io.cxhub.gateway.transcode.ClientAddresses;
import io.cxhub.gateway.transcode.HttpRuleRouter;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.scheduler.Schedulers;

class RateLimitGatewayFilterFactoryTest {

  private static final String KEY = "cxk_ratelimited";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final GatewayFilter match =
      new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS).apply(new Object());
  private final GatewayFilter authentication;
  private final GatewayFilter rateLimit;

  RateLimitGatewayFilterFactoryTest() {
    var keys = new InMemoryApiKeys();
    keys.insert(TestKeys.key(KEY, "acme", Role.ANALYST, Scope.all()));
    keys.insert(TestKeys.key(KEY + "2", "acme", Role.ANALYST, Scope.all()));
    authentication = new ApiKeyAuthenticationGatewayFilterFactory(
        new ApiKeyVerifier(keys, Duration.ofSeconds(30), 100, new FakeTicker(), Schedulers.immediate()), PROBLEMS)
        .apply(new Object());
    var limiter = RateLimiters.over(new InMemoryBucketStates(), Runnable::run, clock, Duration.ofSeconds(1), 0.1, 1000);
    rateLimit = new RateLimitGatewayFilterFactory(limiter, new RateLimitGatewayFilterFactory.Limits(
        new RateLimiter.Limit(5, Duration.ofMinutes(1)), new RateLimiter.Limit(2, Duration.ofMinutes(1)),
        new RateLimiter.Limit(4, Duration.ofMinutes(1)), new RateLimiter.Limit(6, Duration.ofMinutes(1))),
        new ClientAddresses(false), PROBLEMS).apply(new Object());
  }

  private MockServerWebExchange publicGet(String token, String address) {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/public/surveys/" + token)
        .remoteAddress(new InetSocketAddress(address, 5000)));
    FilterChains.run(exchange, match, authentication, rateLimit);
    return exchange;
  }

  private MockServerWebExchange withKey(String key) {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys/s1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key).remoteAddress(new InetSocketAddress("192.0.2.1", 5000)));
    FilterChains.run(exchange, match, authentication, rateLimit);
    return exchange;
  }

  private static int status(MockServerWebExchange exchange) {
    return exchange.getResponse().getStatusCode() == null ? 200 : exchange.getResponse().getStatusCode().value();
  }

  @Test
  void anAllowedRequestCarriesTheRateLimitHeaders() {
    var exchange = publicGet("tok-1", "198.51.100.1");

    HttpHeaders headers = exchange.getResponse().getHeaders();
    assertThat(status(exchange)).isEqualTo(200);
    assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("2");
    assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("1");
    assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("30");
  }

  @Test
  void thePublicRouteIsLimitedPerAddressAndTokenWith429AndRetryAfter() {
    publicGet("tok-1", "198.51.100.1");
    publicGet("tok-1", "198.51.100.1");
    var refused = publicGet("tok-1", "198.51.100.1");

    assertThat(status(refused)).isEqualTo(429);
    assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(refused.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(jsonBody(refused).path("type").asText()).isEqualTo("urn:cx:problem:resource-exhausted");
    assertThat(jsonBody(refused).path("status").asInt()).isEqualTo(429);
    // another address, another token: their own buckets
    assertThat(status(publicGet("tok-1", "198.51.100.2"))).isEqualTo(200);
    assertThat(status(publicGet("tok-2", "198.51.100.1"))).isEqualTo(200);
    // half a minute later one token is back (2 per minute, refilled continuously)
    clock.advance(Duration.ofSeconds(30));
    assertThat(status(publicGet("tok-1", "198.51.100.1"))).isEqualTo(200);
    assertThat(status(publicGet("tok-1", "198.51.100.1"))).isEqualTo(429);
  }

  /** A link shared with many addresses: 4 a minute for the link from all of them together. */
  @Test
  void aPublicLinkIsLimitedAcrossAddresses() {
    for (int i = 1; i <= 4; i++) {
      assertThat(status(publicGet("tok-shared", "203.0.113." + i))).isEqualTo(200);
    }

    var refused = publicGet("tok-shared", "203.0.113.5");

    assertThat(status(refused)).isEqualTo(429);
    assertThat(refused.getResponse().getHeaders().getFirst("RateLimit-Limit")).isEqualTo("4");
    assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
    assertThat(jsonBody(refused).path("detail").asText()).contains("from all addresses");
    assertThat(status(publicGet("tok-other", "203.0.113.5"))).isEqualTo(200);
  }

  /** An address rotating tokens: 6 a minute over every public route and token together. */
  @Test
  void anAddressIsLimitedAcrossPublicLinks() {
    for (int i = 1; i <= 6; i++) {
      assertThat(status(publicGet("tok-guess-" + i, "198.51.100.9"))).isEqualTo(200);
    }

    var refused = publicGet("tok-guess-7", "198.51.100.9");

    assertThat(status(refused)).isEqualTo(429);
    assertThat(jsonBody(refused).path("detail").asText()).contains("public operations from one address");
    assertThat(status(publicGet("tok-guess-7", "198.51.100.10"))).isEqualTo(200);
  }

  /** The headers show the most constrained bucket of the request. */
  @Test
  void theHeadersShowTheTightestBucket() {
    publicGet("tok-tight", "192.0.2.50");
    publicGet("tok-tight", "192.0.2.51");
    var third = publicGet("tok-tight", "192.0.2.52");

    // per address and link 2 (1 left), per link 4 (1 left after three), per address 6 (5 left)
    assertThat(third.getResponse().getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("1");
  }

  @Test
  void authenticatedRoutesAreLimitedPerKey() {
    for (int i = 0; i < 5; i++) {
      assertThat(status(withKey(KEY))).isEqualTo(200);
    }

    assertThat(status(withKey(KEY))).isEqualTo(429);
    assertThat(status(withKey(KEY + "2"))).isEqualTo(200);
  }
}
