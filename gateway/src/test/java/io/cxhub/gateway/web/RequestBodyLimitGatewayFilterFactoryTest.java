package io.cxhub.gateway.web;

import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.gateway.problem.ProblemException;
import io.cxhub.gateway.testing.FilterChains;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

class RequestBodyLimitGatewayFilterFactoryTest {

  private final GatewayFilter filter =
      new RequestBodyLimitGatewayFilterFactory(DataSize.ofBytes(10), PROBLEMS).apply(new Object());

  @Test
  void refusesADeclaredLengthOverTheLimitAtOnce() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/surveys").contentLength(11).body("x".repeat(11)));

    assertThat(FilterChains.run(exchange, filter)).isNull();
    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
    assertThat(jsonBody(exchange).path("type").asText()).isEqualTo("urn:cx:problem:payload-too-large");
  }

  @Test
  void failsReadingAStreamedBodyOnceItPassesTheLimit() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/surveys").body(Flux.just(chunk("123456"), chunk("789012"))));

    var reached = FilterChains.run(exchange, filter);
    var error = catchThrowableOfType(ProblemException.class,
        () -> DataBufferUtils.join(reached.getRequest().getBody()).block());

    assertThat(error.problem().status()).isEqualTo(413);
  }

  @Test
  void passesABodyWithinTheLimitUntouched() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/surveys").body(Flux.just(chunk("12345"), chunk("67890"))));

    var reached = FilterChains.run(exchange, filter);
    DataBuffer body = DataBufferUtils.join(reached.getRequest().getBody()).block();

    assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("1234567890");
  }

  private static DataBuffer chunk(String text) {
    return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
