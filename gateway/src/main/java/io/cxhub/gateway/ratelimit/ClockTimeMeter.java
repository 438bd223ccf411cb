package io.cxhub.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's time from the gateway's {@link Clock} (wall-clock milliseconds, as every replica shares it). */
final class ClockTimeMeter implements TimeMeter {

  private final Clock clock;

  ClockTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    return clock.millis() * 1_000_000L;
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
