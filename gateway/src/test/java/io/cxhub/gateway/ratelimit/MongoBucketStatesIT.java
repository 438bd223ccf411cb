package io.cxhub.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.TestMongo;
import io.cxhub.kit.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token buckets on the embedded MongoDB server through the real driver: compare-and-set, two replicas. */
class MongoBucketStatesIT {

  @TempDir
  static Path dataDir;

  static TestMongo mongo;

  @BeforeAll
  static void start() {
    mongo = TestMongo.start(dataDir);
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @Test
  void writesOnlyOverTheVersionItRead() {
    var states = new MongoBucketStates(mongo.database("cx_gateway_cas"));
    Instant later = Instant.parse("2030-01-01T00:00:00Z");

    assertThat(states.insert("k", new byte[] {1}, later)).isTrue();
    assertThat(states.insert("k", new byte[] {2}, later)).isFalse();
    assertThat(states.replace("k", 1, new byte[] {3}, later)).isTrue();
    assertThat(states.replace("k", 1, new byte[] {4}, later)).isFalse();
    assertThat(states.read("k").orElseThrow().state()).containsExactly(3);
    assertThat(states.read("k").orElseThrow().version()).isEqualTo(2);
    assertThat(states.deleteExpired(later.plusSeconds(1))).isEqualTo(1);
    assertThat(states.read("k")).isEmpty();
  }

  @Test
  void twoReplicasConsumingConcurrentlyShareOneBudget() throws Exception {
    var states = new MongoBucketStates(mongo.database("cx_gateway_replicas"));
    var clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    var limit = new RateLimiter.Limit(40, Duration.ofHours(1));
    var pool = Executors.newFixedThreadPool(4);
    try {
      // no local share: every request is a compare-and-set on the same document
      var first = RateLimiters.over(states, pool, clock, Duration.ofSeconds(1), 0, 100);
      var second = RateLimiters.over(states, pool, clock, Duration.ofSeconds(1), 0, 100);
      var results = reactor.core.publisher.Flux.range(0, 100)
          .flatMap(i -> (i % 2 == 0 ? first : second).tryConsume("shared", limit), 8)
          .collectList().block(Duration.ofSeconds(60));

      assertThat(results.stream().filter(RateLimiter.Outcome::allowed).count()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
  }
}
