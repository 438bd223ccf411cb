package io.cxhub.gateway.web;

import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.apikey.Caller;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * {@code AccessLog} route filter: one log line per API request once it is answered, with
 * method, path, status, duration, RPC, tenant and request id (logger
 * {@code io.cxhub.gateway.access}), within the request's trace. Never the body or the query string, which may hold
 * personal data.
 */
public class AccessLogGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final Logger log = LoggerFactory.getLogger("io.cxhub.gateway.access");

  private final Clock clock;

  public AccessLogGatewayFilterFactory(Clock clock) {
    super(Object.class);
    this.clock = clock;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> Mono.deferContextual(reactorContext -> {
      Instant start = clock.instant();
      // the request's observation (WebFlux keeps it in the Reactor context): the line is
      // logged within it, so that it carries the request's trace and span ids
      Observation observation = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
      return chain.filter(exchange).doFinally(signal -> {
        if (log.isInfoEnabled()) {
          try (var scope = observation == null ? Observation.Scope.NOOP : observation.openScope()) {
            log(exchange, Duration.between(start, clock.instant()), signal);
          }
        }
      });
    });
  }

  /** The line, with tenant and request id also as key-value pairs (fields of structured logs). */
  private static void log(ServerWebExchange exchange, Duration duration, SignalType signal) {
    log.atInfo()
        .setMessage(line(exchange, duration, signal))
        .addKeyValue("tenant", ApiKeyAuthenticationGatewayFilterFactory.caller(exchange).map(Caller::tenantId).orElse(null))
        .addKeyValue("requestId", RequestIdGatewayFilterFactory.requestId(exchange))
        .log();
  }

  static String line(ServerWebExchange exchange, Duration duration, SignalType signal) {
    var request = exchange.getRequest();
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    String rpc = MatchHttpRuleGatewayFilterFactory.matched(exchange)
        .map(found -> found.binding().rpc().fullName()).orElse("-");
    String tenant = ApiKeyAuthenticationGatewayFilterFactory.caller(exchange).map(Caller::tenantId).orElse("-");
    return "method=" + request.getMethod().name()
        + " path=" + request.getPath().value()
        + " status=" + (status == null ? "-" : Integer.toString(status.value()))
        + " durationMs=" + duration.toMillis()
        + " rpc=" + rpc
        + " tenant=" + tenant
        + " requestId=" + RequestIdGatewayFilterFactory.requestId(exchange)
        + (signal == SignalType.ON_COMPLETE ? "" : " signal=" + signal);
  }
}
