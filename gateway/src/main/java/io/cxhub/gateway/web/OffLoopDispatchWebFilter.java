package io.cxhub.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Handles every request off the connection's event loop, so that no response completes
 * inside the event-loop task that dispatched its request.
 *
 * <p>Why: with HTTP/1.1 keep-alive, reactor-netty (up to 1.2.18 and 1.3.7 at least)
 * queues a request that arrives before the previous one's handling has fully ended (a
 * browser asking for the next file as soon as it has a static file); if the queued request
 * is then answered synchronously, the connection stops reading and the next request on it
 * is never answered (reactor/reactor-netty#4361, fixed after those releases). A static
 * resource followed by the dashboard page or the OpenAPI document, then any call, hung
 * for a minute. Subscribing on another scheduler makes every completion asynchronous,
 * which never takes that path; it costs one thread hand-off per request. Remove this
 * filter once the gateway runs on a reactor-netty with the fix (the regression test
 * {@code GatewayIT.KeepAlive} tells).
 */
public final class OffLoopDispatchWebFilter implements WebFilter, Ordered {

  private final Scheduler scheduler;

  public OffLoopDispatchWebFilter(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.defer(() -> chain.filter(exchange)).subscribeOn(scheduler);
  }
}
