package io.cxhub.survey.config;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.response.SurveyResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;

/**
 * An outbox subscriber whose batches are timed: {@code cx.outbox.delivery} (histogram, see
 * {@code management.metrics.distribution}) tagged with the subscriber and the outcome:
 * {@code handled} (every response), {@code partial} (some left for a retry),
 * {@code unavailable} (the peer could not be reached) or {@code error}.
 */
final class TimedOutboxSubscriber implements OutboxSubscriber {

  static final String METER = "cx.outbox.delivery";

  private final OutboxSubscriber delegate;
  private final MeterRegistry registry;

  TimedOutboxSubscriber(OutboxSubscriber delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<String> handle(String tenantId, List<SurveyResponse> batch) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      Set<String> handled = delegate.handle(tenantId, batch);
      outcome = handled.size() >= batch.size() ? "handled" : "partial";
      return handled;
    } catch (DependencyUnavailableException e) {
      outcome = "unavailable";
      throw e;
    } finally {
      sample.stop(Timer.builder(METER)
          .description("Time to hand one tenant's batch of accepted responses to an outbox subscriber")
          .tag("subscriber", delegate.name())
          .tag("outcome", outcome)
          .register(registry));
    }
  }

  @Override
  public String unhandledReason(String responseId) {
    return delegate.unhandledReason(responseId);
  }
}
