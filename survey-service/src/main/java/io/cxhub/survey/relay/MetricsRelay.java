package io.cxhub.survey.relay;

import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.response.SurveyResponse;
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
 */
public final class MetricsRelay implements OutboxSubscriber {

  public static final String NAME = "metrics";

  private static final Logger log = LoggerFactory.getLogger(MetricsRelay.class);

  private final MetricsFeed feed;
  private volatile String lastRejection = "";

  public MetricsRelay(MetricsFeed feed) {
    this.feed = feed;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** @throws io.cxhub.kit.error.DependencyUnavailableException when metrics-service is unreachable */
  @Override
  public Set<String> handle(String tenantId, List<SurveyResponse> batch) {
    try {
      return feed.deliver(tenantId, batch);
    } catch (DeliveryRejectedException e) {
      lastRejection = String.valueOf(e.getMessage());
      log.warn("metrics-service rejected a batch tenant={} size={}: {}", tenantId, batch.size(), e.getMessage());
      return Set.of();
    }
  }

  @Override
  public String unhandledReason(String responseId) {
    return "metrics-service refused it: " + lastRejection;
  }
}
