package io.cxhub.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) shared by every gateway replica through MongoDB, with a local
 * fast path. A bucket of capacity C refills C tokens per period continuously ("greedy"
 * refill), so no boundary lets 2C requests through as a fixed window does.
 *
 * <p>Each replica keeps a proxy per key (a Caffeine cache) with Bucket4j's delay
 * optimization: it serves requests from its local copy of the bucket and writes the
 * consumption to MongoDB once it holds more than {@code share × C} unsynchronized tokens,
 * or once {@code syncInterval} has passed since its last write, whichever comes first.
 * The trade-off, accepted for throughput: with R replicas a key can overshoot by at most
 * R × share × C requests per sync interval, and a replica's {@code RateLimit-Remaining} is
 * its view as of its last sync. Refusals are served locally too, so a flood costs no
 * database round trip.
 */
public final class RateLimiter {

  /**
   * A limit: {@code capacity} requests per {@code period}, refilled continuously.
   */
  public record Limit(long capacity, Duration period) {
    public Limit {
      if (capacity < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
      }
    }
  }

  /**
   * What a request met.
   *
   * @param allowed whether it may go on
   * @param limit the capacity of its bucket
   * @param remaining tokens left after it
   * @param reset time until the bucket is full again
   * @param retryAfter for a refused request, time until one token is back
   */
  public record Outcome(boolean allowed, long limit, long remaining, Duration reset, Duration retryAfter) {}

  private final ProxyManager<String> manager;
  private final Clock clock;
  private final Duration syncInterval;
  private final double unsynchronizedShare;
  private final Cache<String, AsyncBucketProxy> buckets;

  /**
   * @param manager where buckets live (async mode)
   * @param syncInterval longest time a replica goes without writing a bucket it uses
   * @param unsynchronizedShare share of a bucket's capacity a replica may consume between writes
   * @param cachedBuckets most buckets a replica keeps locally
   */
  public RateLimiter(ProxyManager<String> manager, Clock clock, Duration syncInterval, double unsynchronizedShare,
      long cachedBuckets) {
    this.manager = manager;
    this.clock = clock;
    this.syncInterval = syncInterval;
    this.unsynchronizedShare = unsynchronizedShare;
    this.buckets = Caffeine.newBuilder().maximumSize(cachedBuckets).expireAfterAccess(Duration.ofMinutes(10)).build();
  }

  /** Takes one token from the key's bucket, creating it full at first use. */
  public Mono<Outcome> tryConsume(String key, Limit limit) {
    AsyncBucketProxy bucket = buckets.get(key + "|" + limit.capacity() + "/" + limit.period().toMillis(),
        ignored -> newBucket(key, limit));
    return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1))
        .map(probe -> outcome(probe, limit));
  }

  private AsyncBucketProxy newBucket(String key, Limit limit) {
    var configuration = BucketConfiguration.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
        .build();
    long unsynchronized = (long) Math.floor(limit.capacity() * unsynchronizedShare);
    var builder = manager.asAsync().builder();
    if (unsynchronized >= 1) {
      builder = builder.withOptimization(new DelayOptimization(new DelayParameters(unsynchronized, syncInterval),
          NopeOptimizationListener.INSTANCE, new ClockTimeMeter(clock)));
    }
    // a bucket too small for a local share is read and written on every request
    return builder.build(key, configuration);
  }

  private static Outcome outcome(ConsumptionProbe probe, Limit limit) {
    return new Outcome(probe.isConsumed(), limit.capacity(), Math.max(0, probe.getRemainingTokens()),
        Duration.ofNanos(Math.max(0, probe.getNanosToWaitForReset())),
        Duration.ofNanos(probe.isConsumed() ? 0 : Math.max(0, probe.getNanosToWaitForRefill())));
  }
}
