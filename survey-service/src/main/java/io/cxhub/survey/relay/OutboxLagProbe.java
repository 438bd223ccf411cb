package io.cxhub.survey.relay;

import io.cxhub.survey.response.SurveyResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far behind the relay is, over all tenants: responses still pending and the age of the
 * oldest. Measured at most once per {@code refresh}, because on the embedded database each
 * measurement scans the responses.
 */
public final class OutboxLagProbe {

  private final SurveyResponses responses;
  private final Clock clock;
  private final Duration refresh;
  private Instant measuredAt = Instant.MIN;
  private long pending;
  private Instant oldest;

  public OutboxLagProbe(SurveyResponses responses, Clock clock, Duration refresh) {
    this.responses = responses;
    this.clock = clock;
    this.refresh = refresh;
  }

  public synchronized long pending() {
    refreshIfStale();
    return pending;
  }

  /** Age in seconds of the oldest pending response; 0 when none is pending. */
  public synchronized double oldestPendingAgeSeconds() {
    refreshIfStale();
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private void refreshIfStale() {
    Instant now = clock.instant();
    if (now.isBefore(measuredAt.plus(refresh))) {
      return;
    }
    long count = 0;
    Instant min = null;
    for (String tenant : responses.tenantsWithResponses()) {
      var lag = responses.outboxLag(tenant);
      count += lag.pending();
      if (lag.oldestPendingSubmitTime() != null && (min == null || lag.oldestPendingSubmitTime().isBefore(min))) {
        min = lag.oldestPendingSubmitTime();
      }
    }
    pending = count;
    oldest = min;
    measuredAt = now;
  }
}
