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
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code RateLimit} route filter (after {@code ApiKeyAuthentication}): every request takes
 * a token from a bucket ({@link RateLimiter}).
 *
 * <ul>
 *   <li>Public RPCs (no key): one bucket per client address, route and resource (the
 *       path's variables, e.g. the distribution token or survey id), so a respondent's
 *       address cannot flood a survey and one busy survey does not block another.</li>
 *   <li>Authenticated RPCs: one bucket per API key.</li>
 * </ul>
 *
 * Answers carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again), as the IETF httpapi
 * draft names them; a refused request gets 429 problem+json with {@code Retry-After}. If
 * the buckets' database fails, requests go through (logged): the limits protect the hub,
 * they must not take it down.
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final Logger log = LoggerFactory.getLogger(RateLimitGatewayFilterFactory.class);
  static final Duration DECISION_TIMEOUT = Duration.ofSeconds(2);

  private final RateLimiter limiter;
  private final RateLimiter.Limit perKey;
  private final RateLimiter.Limit publicPerAddress;
  private final ClientAddresses clientAddresses;
  private final ProblemWriter problems;

  public RateLimitGatewayFilterFactory(RateLimiter limiter, RateLimiter.Limit perKey,
      RateLimiter.Limit publicPerAddress, ClientAddresses clientAddresses, ProblemWriter problems) {
    super(Object.class);
    this.limiter = limiter;
    this.perKey = perKey;
    this.publicPerAddress = publicPerAddress;
    this.clientAddresses = clientAddresses;
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var match = MatchHttpRuleGatewayFilterFactory.matched(exchange)
          .orElseThrow(() -> new IllegalStateException("RateLimit must come after MatchHttpRule"));
      Optional<Bucket> bucket = bucketOf(exchange, match);
      if (bucket.isEmpty()) {
        return chain.filter(exchange);
      }
      return limiter.tryConsume(bucket.get().key(), bucket.get().limit())
          .timeout(DECISION_TIMEOUT)
          .map(Optional::of)
          .onErrorResume(error -> {
            log.warn("rate limit not applied to {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error.toString());
            return Mono.just(Optional.empty());
          })
          .flatMap(outcome -> {
            if (outcome.isEmpty()) {
              return chain.filter(exchange);
            }
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Limit", Long.toString(outcome.get().limit()));
            headers.set("RateLimit-Remaining", Long.toString(outcome.get().remaining()));
            headers.set("RateLimit-Reset", Long.toString(seconds(outcome.get().reset())));
            if (outcome.get().allowed()) {
              return chain.filter(exchange);
            }
            long retryAfter = Math.max(1, seconds(outcome.get().retryAfter()));
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            return problems.write(exchange, GrpcStatusMapping.problem(Status.Code.RESOURCE_EXHAUSTED,
                "Too many requests: " + outcome.get().limit() + " per " + describe(bucket.get().limit().period())
                    + " are allowed " + bucket.get().description() + ". Retry in " + retryAfter + " s."));
          });
    };
  }

  /** A request's bucket: its key and limit. */
  record Bucket(String key, RateLimiter.Limit limit, String description) {}

  private Optional<Bucket> bucketOf(ServerWebExchange exchange, RouteLookup.Found match) {
    var rpc = match.binding().rpc();
    if (rpc.access() == Access.ACCESS_PUBLIC) {
      String address = clientAddresses.of(exchange.getRequest()).orElse("unknown");
      // the resource the route targets: its path variables in a stable order
      String resource = String.join("/", new TreeMap<String, String>(match.variables()).values());
      return Optional.of(new Bucket("public:" + rpc.fullName() + ":" + resource + ":" + address, publicPerAddress,
          "for this operation from one address"));
    }
    return ApiKeyAuthenticationGatewayFilterFactory.caller(exchange)
        .map(caller -> new Bucket("key:" + caller.tenantId() + ":" + caller.keyId(), perKey, "for one API key"));
  }

  private static long seconds(Duration duration) {
    return (duration.toMillis() + 999) / 1000;
  }

  private static String describe(Duration period) {
    return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
  }
}
