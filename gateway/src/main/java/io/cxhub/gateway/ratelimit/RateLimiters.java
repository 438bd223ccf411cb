package io.cxhub.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Builds {@link RateLimiter}s over a {@link BucketStates} store. */
public final class RateLimiters {

  private RateLimiters() {}

  /**
   * @param blocking where store calls run
   * @param syncInterval see {@link RateLimiter}
   * @param unsynchronizedShare see {@link RateLimiter}
   */
  public static RateLimiter over(BucketStates states, Executor blocking, Clock clock, Duration syncInterval,
      double unsynchronizedShare, long cachedBuckets) {
    return new RateLimiter(new CasBucketProxyManager(states, blocking, clock, Duration.ofMinutes(1)), clock,
        syncInterval, unsynchronizedShare, cachedBuckets);
  }
}
