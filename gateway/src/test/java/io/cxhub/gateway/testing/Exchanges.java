package io.cxhub.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.gateway.problem.ProblemWriter;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Helpers to read what a filter wrote. */
public final class Exchanges {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final ProblemWriter PROBLEMS = new ProblemWriter(MAPPER);

  private Exchanges() {}

  public static JsonNode jsonBody(MockServerWebExchange exchange) {
    try {
      return MAPPER.readTree(exchange.getResponse().getBodyAsString().block());
    } catch (Exception e) {
      throw new AssertionError("the response body is not JSON", e);
    }
  }
}
