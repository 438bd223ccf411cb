package io.cxhub.gateway.transcode;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.FilterChains;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class MatchHttpRuleGatewayFilterFactoryTest {

  private final GatewayFilter filter =
      new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS).apply(new Object());

  @Test
  void recordsTheMatchedRpcAndItsVariables() {
    var reached = FilterChains.run(MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys/s1/nps")), filter);

    var found = MatchHttpRuleGatewayFilterFactory.matched(reached).orElseThrow();
    assertThat(found.binding().rpc().name()).isEqualTo("GetNps");
    assertThat(found.variables()).containsEntry("survey_id", "s1");
  }

  @Test
  void answers404ProblemForAnUnknownPath() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/unknown"));

    assertThat(FilterChains.run(exchange, filter)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(404);
    assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(jsonBody(exchange).path("detail").asText()).contains("GET /v1/unknown");
  }

  @Test
  void answers405WithAllowForAnotherMethod() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/v1/surveys"));

    assertThat(FilterChains.run(exchange, filter)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(405);
    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET, POST");
  }
}
