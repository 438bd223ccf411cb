package io.cxhub.gateway.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Runs route filters in order, the way Spring Cloud Gateway chains them, and records whether the end was reached. */
public final class FilterChains {

  private FilterChains() {}

  /** @return the exchange that reached the end of the chain, or null if a filter answered */
  public static ServerWebExchange run(ServerWebExchange exchange, GatewayFilter... filters) {
    var reached = new AtomicReference<ServerWebExchange>();
    chain(List.of(filters), 0, reached).filter(exchange).block(java.time.Duration.ofSeconds(10));
    return reached.get();
  }

  private static GatewayFilterChain chain(List<GatewayFilter> filters, int index, AtomicReference<ServerWebExchange> reached) {
    return exchange -> {
      if (index == filters.size()) {
        reached.set(exchange);
        return Mono.empty();
      }
      return filters.get(index).filter(exchange, chain(filters, index + 1, reached));
    };
  }
}
