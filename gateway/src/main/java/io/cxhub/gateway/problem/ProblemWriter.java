package io.cxhub.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.gateway.web.RequestIdGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a {@link Problem} as the {@code application/problem+json} response of an exchange. */
public final class ProblemWriter {

  private final ObjectMapper mapper;

  public ProblemWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Ends the exchange with the problem, adding the request path and id. Does nothing if the
   * response is already committed (e.g. an event stream already under way).
   */
  public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    Problem complete = complete(exchange, problem);
    response.setStatusCode(HttpStatusCode.valueOf(complete.status()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = toJson(complete);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  /** The problem with the exchange's path and request id filled in. */
  public Problem complete(ServerWebExchange exchange, Problem problem) {
    return problem.withInstance(
        exchange.getRequest().getPath().value(), RequestIdGatewayFilterFactory.requestId(exchange));
  }

  public byte[] toJson(Problem problem) {
    try {
      return mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a problem", e);
    }
  }
}
