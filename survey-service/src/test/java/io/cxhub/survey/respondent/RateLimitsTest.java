package io.cxhub.survey.respondent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private final Map<String, Long> counts = new HashMap<>();
  private final RateCounters counters = (key, forgetAfter) -> counts.merge(key, 1L, Long::sum);

  private RateLimits at(Instant now) {
    return new RateLimits(counters, new RateLimits.Limit(2, Duration.ofMinutes(1)),
        new RateLimits.Limit(3, Duration.ofMinutes(1)), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void refusesTheCallOverTheLimitWithTheTimeLeftInTheWindow() {
    var limits = at(Instant.parse("2026-01-01T10:00:15.200Z"));
    limits.checkToken("t");
    limits.checkToken("t");

    assertThatThrownBy(() -> limits.checkToken("t"))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45)));
  }

  @Test
  void aNewWindowStartsAfresh() {
    var limits = at(Instant.parse("2026-01-01T10:00:59Z"));
    limits.checkToken("t");
    limits.checkToken("t");

    at(Instant.parse("2026-01-01T10:01:00Z")).checkToken("t");
  }

  @Test
  void tokensAndAddressesHaveTheirOwnBudgets() {
    var limits = at(Instant.parse("2026-01-01T10:00:00Z"));
    limits.checkToken("t");
    limits.checkToken("t");
    limits.checkAddress("198.51.100.7");
    limits.checkAddress("198.51.100.7");
    limits.checkAddress("198.51.100.7");

    assertThatThrownBy(() -> limits.checkAddress("198.51.100.7")).isInstanceOf(RateLimitedException.class);
    limits.checkAddress("198.51.100.8");
    // no address (a direct gRPC caller) is limited per token only
    limits.checkAddress("");
  }

  @Test
  void aZeroLimitIsDisabled() {
    var limits = new RateLimits(counters, new RateLimits.Limit(0, Duration.ofMinutes(1)),
        new RateLimits.Limit(0, Duration.ofMinutes(1)), Clock.systemUTC());
    for (int i = 0; i < 10; i++) {
      limits.checkToken("t");
    }
    assertThat(counts).isEmpty();
  }
}
