package io.cxhub.gateway.transcode;

import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code MatchHttpRule} route filter: finds the RPC whose {@code google.api.http} rule
 * matches the request and records it on the exchange for the filters after it
 * (authentication needs the RPC's access rule, transcoding its types). A path no rule
 * has gets 404; a path that exists for other methods gets 405 with {@code Allow}.
 */
public class MatchHttpRuleGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final String ATTRIBUTE = MatchHttpRuleGatewayFilterFactory.class.getName() + ".match";

  private final HttpRuleRouter router;
  private final ProblemWriter problems;

  public MatchHttpRuleGatewayFilterFactory(HttpRuleRouter router, ProblemWriter problems) {
    super(Object.class);
    this.router = router;
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var request = exchange.getRequest();
      String method = request.getMethod().name();
      RouteLookup lookup = router.route(method, request.getPath().pathWithinApplication().value());
      if (lookup instanceof RouteLookup.Found found) {
        exchange.getAttributes().put(ATTRIBUTE, found);
        return chain.filter(exchange);
      }
      if (lookup instanceof RouteLookup.MethodNotAllowed notAllowed) {
        exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, String.join(", ", notAllowed.allowed()));
        return problems.write(exchange, Problems.methodNotAllowed(
            method + " is not allowed on this path; use " + String.join(" or ", notAllowed.allowed()) + "."));
      }
      return problems.write(exchange, Problems.notFound(
          "No API operation matches " + method + " " + request.getPath().value() + "."));
    };
  }

  /** The match recorded on the exchange, if this filter ran and found one. */
  public static Optional<RouteLookup.Found> matched(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }
}
