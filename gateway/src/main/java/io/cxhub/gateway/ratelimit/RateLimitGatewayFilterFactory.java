package io.cxhub.gateway.ratelimit;

import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.problem.GrpcStatusMapping;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.transcode.ClientAddresses;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import io.cxhub.gateway.transcode.RouteLookup;
import io.cxhub.proto.common.v1.Access;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code RateLimit} route filter (after {@code ApiKeyAuthentication}): the one rate-limit
 * mechanism of the hub. Every request takes a token from each of its buckets
 * ({@link RateLimiter}); the first bucket that is empty refuses it.
 *
 * <ul>
 *   <li>Public RPCs (no key; the respondent routes): three buckets. One per client
 *       address, route and resource (the path's variables, e.g. the distribution token),
 *       so a respondent's address cannot flood a survey and one busy survey does not block
 *       another; one per route and resource across addresses, so a link shared with a bot
 *       farm is capped however many addresses it uses; one per client address across every
 *       public route and resource, so an address that rotates tokens (guessing them, or
 *       spreading its flood) is capped too.</li>
 *   <li>Authenticated RPCs: one bucket per API key.</li>
 * </ul>
 *
 * Answers carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again), as the IETF httpapi
 * draft names them, of the request's most constrained bucket (the one that refused it, or
 * the one with the fewest tokens left); a refused request gets 429 problem+json with
 * {@code Retry-After}. If the buckets' database fails, requests go through (logged): the
 * limits protect the hub, they must not take it down.
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final Logger log = LoggerFactory.getLogger(RateLimitGatewayFilterFactory.class);
  static final Duration DECISION_TIMEOUT = Duration.ofSeconds(2);

  /**
   * The limits.
   *
   * @param perKey one API key
   * @param publicPerAddress one public route and resource from one client address
   * @param publicPerResource one public route and resource, all addresses together
   * @param publicPerAddressAllRoutes one client address, all public routes together
   */
  public record Limits(RateLimiter.Limit perKey, RateLimiter.Limit publicPerAddress,
      RateLimiter.Limit publicPerResource, RateLimiter.Limit publicPerAddressAllRoutes) {}

  private final RateLimiter limiter;
  private final Limits limits;
  private final ClientAddresses clientAddresses;
  private final ProblemWriter problems;

  public RateLimitGatewayFilterFactory(RateLimiter limiter, Limits limits, ClientAddresses clientAddresses,
      ProblemWriter problems) {
    super(Object.class);
    this.limiter = limiter;
    this.limits = limits;
    this.clientAddresses = clientAddresses;
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var match = MatchHttpRuleGatewayFilterFactory.matched(exchange)
          .orElseThrow(() -> new IllegalStateException("RateLimit must come after MatchHttpRule"));
      List<Bucket> buckets = bucketsOf(exchange, match);
      if (buckets.isEmpty()) {
        return chain.filter(exchange);
      }
      return PublicLimits.decide(limiter, buckets)
          .onErrorResume(error -> {
            log.warn("rate limit not applied to {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error.toString());
            return Mono.just(Optional.empty());
          })
          .flatMap(decision -> {
            if (decision.isEmpty()) {
              return chain.filter(exchange);
            }
            var verdict = decision.get();
            verdict.writeHeaders(exchange.getResponse().getHeaders());
            if (verdict.allowed()) {
              return chain.filter(exchange);
            }
            return problems.write(exchange, GrpcStatusMapping.problem(Status.Code.RESOURCE_EXHAUSTED, verdict.message()));
          });
    };
  }

  /** A request's bucket: its key and limit. */
  record Bucket(String key, RateLimiter.Limit limit, String description) {}

  private List<Bucket> bucketsOf(ServerWebExchange exchange, RouteLookup.Found match) {
    var rpc = match.binding().rpc();
    if (rpc.access() == Access.ACCESS_PUBLIC) {
      String address = clientAddresses.of(exchange.getRequest()).orElse("unknown");
      // the resource the route targets: its path variables in a stable order
      String resource = rpc.fullName() + ":" + String.join("/", new TreeMap<String, String>(match.variables()).values());
      return PublicLimits.buckets(limits, resource, address);
    }
    return ApiKeyAuthenticationGatewayFilterFactory.caller(exchange)
        .map(caller -> List.of(new Bucket("key:" + caller.tenantId() + ":" + caller.keyId(), limits.perKey(),
            "for one API key")))
        .orElse(List.of());
  }

}
