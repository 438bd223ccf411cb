package io.cxhub.survey.relay;

import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.response.SurveyResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox subscriber {@value #NAME}: delivers accepted responses to metrics-service, one
 * tenant's batch per call, and reports handled exactly the ids metrics-service acknowledged.
 * The {@link io.cxhub.survey.outbox.OutboxWorker} driving it provides batching,
 * back-pressure, backoff while metrics-service is unreachable and per-response deferral.
 *
 * <p>Why nothing is counted twice: metrics-service applies each response id at most once
 * and acknowledges ids it had already applied, so a resend after a crash is harmless.
 *
 * <p>Batches follow metrics-service's pace: a call that runs out of time halves the number of
 * responses sent per call (what was delivered before it is reported, the rest is retried),
 * and each call answered in time grows it back by a quarter. Under load, a catch-up of
 * thousands of responses then proceeds in smaller calls instead of timing out batch after
 * batch until the circuit breaker opens.
 */
public final class MetricsRelay implements OutboxSubscriber {

  public static final String NAME = "metrics";

  private static final Logger log = LoggerFactory.getLogger(MetricsRelay.class);

  private final MetricsFeed feed;
  private volatile String lastRejection = "";
  /** Responses per call now; the worker's batch size bounds it. */
  private volatile int perCall = Integer.MAX_VALUE;

  public MetricsRelay(MetricsFeed feed) {
    this.feed = feed;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * @throws io.cxhub.kit.error.DependencyUnavailableException when metrics-service is
   *     unreachable, or too slow for even the first call of the batch
   */
  @Override
  public Set<String> handle(String tenantId, List<SurveyResponse> batch) {
    var delivered = new HashSet<String>();
    int from = 0;
    while (from < batch.size()) {
      int size = Math.min(perCall, batch.size() - from);
      var call = batch.subList(from, from + size);
      try {
        delivered.addAll(feed.deliver(tenantId, call));
        if (size == perCall) {
          perCall = (int) Math.min(Integer.MAX_VALUE, (long) size + Math.max(1, size / 4));
        }
      } catch (DeliveryTimedOutException e) {
        perCall = Math.max(1, size / 2);
        log.info("metrics-service too slow for {} responses per call tenant={}; now {}", size, tenantId, perCall);
        if (delivered.isEmpty()) {
          throw e;
        }
        return delivered;
      } catch (DeliveryRejectedException e) {
        lastRejection = String.valueOf(e.getMessage());
        log.warn("metrics-service rejected a batch tenant={} size={}: {}", tenantId, size, e.getMessage());
      }
      from += size;
    }
    return delivered;
  }

  /** Responses sent per call now (for tests and diagnostics). */
  int perCall() {
    return perCall;
  }

  @Override
  public String unhandledReason(String responseId) {
    return "metrics-service refused it: " + lastRejection;
  }
}
