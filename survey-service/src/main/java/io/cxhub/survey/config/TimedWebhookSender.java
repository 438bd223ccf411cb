package io.cxhub.survey.config;

import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.WebhookSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/**
 * A webhook sender whose attempts are timed: {@code cx.webhook.attempt} (histogram) tagged
 * {@code outcome} = {@code success} (2xx) or {@code failure} (any other answer, timeout,
 * refused or unreachable target): the failure share is an alert (deploy/observability).
 */
final class TimedWebhookSender implements WebhookSender {

  static final String METER = "cx.webhook.attempt";

  private final WebhookSender delegate;
  private final MeterRegistry registry;

  TimedWebhookSender(WebhookSender delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public DeliveryAttempt post(String url, Map<String, String> headers, String body) {
    Timer.Sample sample = Timer.start(registry);
    DeliveryAttempt attempt = null;
    try {
      attempt = delegate.post(url, headers, body);
      return attempt;
    } finally {
      sample.stop(Timer.builder(METER)
          .description("Time of one webhook delivery attempt (HTTP POST to the subscriber)")
          .tag("outcome", attempt != null && attempt.succeeded() ? "success" : "failure")
          .register(registry));
    }
  }
}
