package io.cxhub.gateway.ratelimit;

import io.cxhub.gateway.ratelimit.RateLimitGatewayFilterFactory.Bucket;
import io.cxhub.gateway.ratelimit.RateLimitGatewayFilterFactory.Limits;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The buckets of the public (keyless) operations and the decision over them, shared by the
 * API's {@code RateLimit} filter and the hosted survey pages {@code /s/{token}}: a page and
 * the API route of the same operation on the same link take from the same three buckets
 * (per address and link, per link, per address), so switching between them gains nothing.
 */
public final class PublicLimits {

  /**
   * What the most constrained bucket of a request said.
   *
   * @param message why a refused request was refused (for a problem's detail); empty if allowed
   */
  public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
      String message) {

    /** {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, and {@code Retry-After} when refused. */
    public void writeHeaders(HttpHeaders headers) {
      headers.set("RateLimit-Limit", Long.toString(limit));
      headers.set("RateLimit-Remaining", Long.toString(remaining));
      headers.set("RateLimit-Reset", Long.toString(resetSeconds));
      if (!allowed) {
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      }
    }
  }

  private final RateLimiter limiter;
  private final Limits limits;

  public PublicLimits(RateLimiter limiter, Limits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  /**
   * Takes a token from each bucket of the public operation {@code rpcFullName} on
   * {@code resource} (the link's token) from {@code address}; empty when no decision could
   * be made in time (the store failed: requests go through, as on the API).
   */
  public Mono<Optional<Verdict>> take(String rpcFullName, String resource, String address) {
    return decide(limiter, buckets(limits, rpcFullName + ":" + resource, address));
  }

  static List<Bucket> buckets(Limits limits, String resource, String address) {
    return List.of(
        new Bucket("public:" + resource + ":" + address, limits.publicPerAddress(),
            "for this operation from one address"),
        new Bucket("public-resource:" + resource, limits.publicPerResource(),
            "for this operation on this link from all addresses"),
        new Bucket("public-address:" + address, limits.publicPerAddressAllRoutes(),
            "for the public operations from one address"));
  }

  /** One token from each bucket in turn, stopping at the first empty one. */
  static Mono<Optional<Verdict>> decide(RateLimiter limiter, List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      return Mono.just(Optional.empty());
    }
    return Flux.fromIterable(buckets)
        .concatMap(bucket -> limiter.tryConsume(bucket.key(), bucket.limit()).map(o -> new Taken(bucket, o)))
        .takeUntil(taken -> !taken.outcome().allowed())
        .collectList()
        .timeout(RateLimitGatewayFilterFactory.DECISION_TIMEOUT)
        .map(taken -> {
          Taken last = taken.get(taken.size() - 1);
          Taken shown = last.outcome().allowed()
              ? taken.stream().min(Comparator.comparingLong(t -> t.outcome().remaining())).orElseThrow()
              : last;
          var outcome = shown.outcome();
          long retryAfter = Math.max(1, seconds(outcome.retryAfter()));
          String message = outcome.allowed() ? "" : "Too many requests: " + outcome.limit() + " per "
              + describe(shown.bucket().limit().period()) + " are allowed " + shown.bucket().description()
              + ". Retry in " + retryAfter + " s.";
          return Optional.of(new Verdict(outcome.allowed(), outcome.limit(), outcome.remaining(),
              seconds(outcome.reset()), retryAfter, message));
        });
  }

  private record Taken(Bucket bucket, RateLimiter.Outcome outcome) {}

  private static long seconds(Duration duration) {
    return (duration.toMillis() + 999) / 1000;
  }

  private static String describe(Duration period) {
    return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
  }
}
