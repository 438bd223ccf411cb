package io.cxhub.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every error that no filter handled as problem+json, so that clients see one
 * error format everywhere: paths outside the API (404), methods the static handlers do not
 * take (405), and unexpected failures (500, logged, never detailed to the client).
 * Registered ahead of Boot's default error handler.
 */
public final class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ProblemWriter writer;

  public ProblemExceptionHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    return writer.write(exchange, problemOf(exchange, error));
  }

  private static Problem problemOf(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ProblemException problem) {
      return problem.problem();
    }
    if (error instanceof ResponseStatusException rse) {
      HttpStatusCode status = rse.getStatusCode();
      if (status.value() == 404) {
        return Problems.notFound("Nothing is served at " + exchange.getRequest().getPath().value() + ".");
      }
      if (status.value() == 405) {
        return Problems.methodNotAllowed(exchange.getRequest().getMethod() + " is not allowed here.");
      }
      if (status.value() == 413) {
        return Problems.payloadTooLarge("The request body is too large.");
      }
      if (status.value() == 415) {
        return Problems.unsupportedMediaType(rse.getReason() == null ? "Unsupported media type." : rse.getReason());
      }
      if (status.is4xxClientError()) {
        String kind = "http-" + status.value();
        return Problem.of(kind, "Client error", status.value(), rse.getReason() == null ? "The request was rejected." : rse.getReason());
      }
    }
    log.error("unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
    return Problems.internal("The gateway failed to handle the request.");
  }
}
