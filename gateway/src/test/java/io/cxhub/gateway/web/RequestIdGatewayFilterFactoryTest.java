package io.cxhub.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.FilterChains;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class RequestIdGatewayFilterFactoryTest {

  private final GatewayFilter filter = new RequestIdGatewayFilterFactory(() -> "generated-id").apply(new Object());

  @Test
  void keepsTheClientsRequestId() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys").header("x-request-id", "abc-123"));

    var reached = FilterChains.run(exchange, filter);

    assertThat(RequestIdGatewayFilterFactory.requestId(reached)).isEqualTo("abc-123");
    assertThat(exchange.getResponse().getHeaders().getFirst("x-request-id")).isEqualTo("abc-123");
  }

  @Test
  void generatesAnIdWhenTheClientSentNone() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys"));

    var reached = FilterChains.run(exchange, filter);

    assertThat(RequestIdGatewayFilterFactory.requestId(reached)).isEqualTo("generated-id");
    assertThat(exchange.getResponse().getHeaders().getFirst("x-request-id")).isEqualTo("generated-id");
  }

  @Test
  void replacesAnIdThatIsTooLongOrHasOddCharacters() {
    var tooLong = MockServerWebExchange.from(MockServerHttpRequest.get("/").header("x-request-id", "x".repeat(129)));
    var odd = MockServerWebExchange.from(MockServerHttpRequest.get("/").header("x-request-id", "a b\tc"));

    assertThat(RequestIdGatewayFilterFactory.requestId(FilterChains.run(tooLong, filter))).isEqualTo("generated-id");
    assertThat(RequestIdGatewayFilterFactory.requestId(FilterChains.run(odd, filter))).isEqualTo("generated-id");
  }

  @Test
  void generatesUuidsByDefault() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

    var reached = FilterChains.run(exchange, new RequestIdGatewayFilterFactory().apply(new Object()));

    assertThat(RequestIdGatewayFilterFactory.requestId(reached)).matches("[0-9a-f-]{36}");
  }
}
