package io.cxhub.kit.testing;

import io.cxhub.kit.grpc.PeerFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/** Circuit breakers for tests of peer clients. */
public final class TestBreakers {

  private TestBreakers() {}

  /**
   * A breaker that counts {@link PeerFailure peer failures} as the services' settings do,
   * opens once two of the last four calls failed, and stays open for the rest of the test.
   */
  public static CircuitBreaker opensAfterFourCalls(String name) {
    return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(4)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(10))
        .recordException(new PeerFailure())
        .build());
  }
}
