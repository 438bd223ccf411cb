package io.cxhub.kit.error;

import java.time.Duration;

/**
 * The caller sent too many requests; it may try again after {@link #retryAfter()}. Maps to
 * RESOURCE_EXHAUSTED with a {@code google.rpc.RetryInfo} detail (the gateway turns it into
 * 429 with a {@code Retry-After} header).
 */
public class RateLimitedException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
