package io.cxhub.survey.respondent;

import io.cxhub.kit.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window limits on public submissions, per distribution token and per client
 * address. The counters live in the shared store, so the limits hold however many gateway
 * and survey-service replicas there are; a window lets at most {@code limit} calls through
 * (a burst can reach twice the limit across a window boundary, which is acceptable for abuse
 * protection and keeps each check to one atomic upsert).
 */
public final class RateLimits {

  /** A limit of {@code requests} per {@code window}; {@code requests <= 0} disables it. */
  public record Limit(int requests, Duration window) {}

  private final RateCounters counters;
  private final Limit perToken;
  private final Limit perAddress;
  private final Clock clock;

  public RateLimits(RateCounters counters, Limit perToken, Limit perAddress, Clock clock) {
    this.counters = counters;
    this.perToken = perToken;
    this.perAddress = perAddress;
    this.clock = clock;
  }

  /** @throws RateLimitedException when the client address used up its window */
  public void checkAddress(String clientAddress) {
    if (clientAddress != null && !clientAddress.isEmpty()) {
      check("address:" + clientAddress, perAddress, "too many submissions from this address");
    }
  }

  /** @throws RateLimitedException when the token used up its window */
  public void checkToken(String token) {
    check("token:" + token, perToken, "too many submissions through this survey link");
  }

  private void check(String key, Limit limit, String message) {
    if (limit.requests() <= 0) {
      return;
    }
    Instant now = clock.instant();
    long windowMillis = limit.window().toMillis();
    long window = now.toEpochMilli() / windowMillis;
    Instant windowEnd = Instant.ofEpochMilli((window + 1) * windowMillis);
    long count = counters.increment(key + ":" + window, windowEnd);
    if (count > limit.requests()) {
      Duration retryAfter = Duration.between(now, windowEnd);
      // whole seconds, rounded up: Retry-After has one-second resolution
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      throw new RateLimitedException(message + "; retry in " + seconds + " s", Duration.ofSeconds(seconds));
    }
  }
}
