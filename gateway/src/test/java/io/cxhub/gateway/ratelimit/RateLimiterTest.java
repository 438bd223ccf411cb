package io.cxhub.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.InMemoryBucketStates;
import io.cxhub.kit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final RateLimiter.Limit TEN_A_MINUTE = new RateLimiter.Limit(10, Duration.ofMinutes(1));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final InMemoryBucketStates states = new InMemoryBucketStates();

  private RateLimiter replica(double unsynchronizedShare) {
    return RateLimiters.over(states, Runnable::run, clock, Duration.ofSeconds(1), unsynchronizedShare, 1000);
  }

  private int allowed(RateLimiter limiter, String key, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryConsume(key, TEN_A_MINUTE).block().allowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void refusesTheRequestAfterTheCapacityAndSaysWhenToRetry() {
    var limiter = replica(0);

    assertThat(allowed(limiter, "k", 10)).isEqualTo(10);
    var refused = limiter.tryConsume("k", TEN_A_MINUTE).block();

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.limit()).isEqualTo(10);
    // one token comes back every 6 s
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    assertThat(refused.reset()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refillsContinuouslySoNoBoundaryLetsTwiceTheLimitThrough() {
    var limiter = replica(0);
    clock.advance(Duration.ofSeconds(59));
    int beforeTheMinute = allowed(limiter, "k", 20);
    clock.advance(Duration.ofSeconds(2));  // a fixed window would start afresh here
    int afterTheMinute = allowed(limiter, "k", 20);

    assertThat(beforeTheMinute).isEqualTo(10);
    // 2 s at 10 per minute: no token yet (a fixed one-minute window would allow 10 more)
    assertThat(afterTheMinute).isZero();
    clock.advance(Duration.ofSeconds(30));
    assertThat(allowed(limiter, "k", 20)).isEqualTo(5);
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    var limiter = replica(0);

    assertThat(allowed(limiter, "a", 15)).isEqualTo(10);
    assertThat(allowed(limiter, "b", 15)).isEqualTo(10);
  }

  @Test
  void replicasShareTheBudgetThroughTheStoreWithinTheirUnsynchronizedShare() {
    var first = replica(0.2);
    var second = replica(0.2);

    int total = 0;
    for (int round = 0; round < 20; round++) {
      total += allowed(first, "k", 1) + allowed(second, "k", 1);
    }

    // at most 2 unsynchronized tokens per replica beyond the capacity
    assertThat(total).isBetween(10, 10 + 2 * 2);
    // and the fast path spares writes: fewer than one per request
    assertThat(states.writes()).isLessThan(40);
  }

  @Test
  void aReplicaRestartedWithAnEmptyCacheFindsTheBucketInTheStore() {
    assertThat(allowed(replica(0), "k", 10)).isEqualTo(10);

    assertThat(allowed(replica(0), "k", 5)).isZero();
  }

  @Test
  void idleBucketsExpire() {
    allowed(replica(0), "k", 3);
    clock.advance(Duration.ofMinutes(5));

    assertThat(states.deleteExpired(clock.instant())).isEqualTo(1);
    assertThat(states.size()).isZero();
  }
}
