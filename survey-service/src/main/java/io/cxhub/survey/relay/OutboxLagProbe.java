package io.cxhub.survey.relay;

import io.cxhub.survey.outbox.ResponseOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far behind one outbox subscriber is, over all tenants: responses still pending for it
 * (the store's maintained counters, not a count of the collection) and the age of the
 * earliest-due pending one (one index probe per tenant with something pending). Measured
 * at most once per {@code refresh}.
 */
public final class OutboxLagProbe {

  private final ResponseOutbox outbox;
  private final String subscriber;
  private final Clock clock;
  private final Duration refresh;
  private Instant measuredAt = Instant.MIN;
  private long pending;
  private Instant oldest;

  public OutboxLagProbe(ResponseOutbox outbox, String subscriber, Clock clock, Duration refresh) {
    this.outbox = outbox;
    this.subscriber = subscriber;
    this.clock = clock;
    this.refresh = refresh;
  }

  public String subscriber() {
    return subscriber;
  }

  public synchronized long pending() {
    refreshIfStale();
    return pending;
  }

  /** Age in seconds of the earliest-due pending response; 0 when none is pending. */
  public synchronized double oldestPendingAgeSeconds() {
    refreshIfStale();
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private void refreshIfStale() {
    Instant now = clock.instant();
    if (now.isBefore(measuredAt.plus(refresh))) {
      return;
    }
    var lag = outbox.lag(subscriber);
    pending = lag.pending();
    oldest = lag.oldestDueSubmitTime();
    measuredAt = now;
  }
}
