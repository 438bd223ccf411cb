package io.cxhub.gateway.web;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.transcode.HttpRuleRouter;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.SignalType;

class AccessLogGatewayFilterFactoryTest {

  @Test
  void describesTheRequestWithoutItsQueryOrBody() {
    var exchange = MockServerWebExchange.from(
        MockServerHttpRequest.get("/v1/surveys/s1?email=someone@example.com").header("x-request-id", "req-7"));
    var requestId = new RequestIdGatewayFilterFactory().apply(new Object());
    var match = new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS).apply(new Object());
    var reached = FilterChains.run(exchange, requestId, match);
    reached.getResponse().setStatusCode(HttpStatus.OK);

    String line = AccessLogGatewayFilterFactory.line(reached, Duration.ofMillis(12), SignalType.ON_COMPLETE);

    assertThat(line).isEqualTo("method=GET path=/v1/surveys/s1 status=200 durationMs=12 "
        + "rpc=cx.survey.v1.SurveyService/GetSurvey tenant=- requestId=req-7");
  }

  @Test
  void letsTheRequestThrough() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys"));

    assertThat(FilterChains.run(exchange, new AccessLogGatewayFilterFactory(java.time.Clock.systemUTC()).apply(new Object())))
        .isNotNull();
  }
}
