package io.cxhub.survey.config;

import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.survey.webhook.ManageWebhooks;
import io.cxhub.survey.webhook.RetrySchedule;
import io.cxhub.survey.webhook.TargetGuard;
import io.cxhub.survey.webhook.WebhookDeliveries;
import io.cxhub.survey.webhook.WebhookDispatcher;
import io.cxhub.survey.webhook.WebhookPublisher;
import io.cxhub.survey.webhook.WebhookSubscriptions;
import io.cxhub.survey.webhook.http.HttpWebhookSender;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires webhook subscriptions, the delivery queue and its dispatcher. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  @Bean
  TargetGuard webhookTargetGuard(WebhookProperties properties) {
    return TargetGuard.systemResolver(
        new TargetGuard.Policy(properties.allowLoopbackTargets(), properties.allowPrivateTargets()));
  }

  /**
   * Resilience4j's exponential interval function gives the wait after each failed attempt;
   * with the defaults (30 s doubling to 30 min, 10 attempts) the schedule spans about two hours.
   */
  @Bean
  RetrySchedule webhookRetrySchedule(WebhookProperties p) {
    IntervalFunction interval = p.randomization() > 0
        ? IntervalFunction.ofExponentialRandomBackoff(
            p.initialBackoff(), p.backoffMultiplier(), p.randomization(), p.maxBackoff())
        : IntervalFunction.ofExponentialBackoff(p.initialBackoff(), p.backoffMultiplier(), p.maxBackoff());
    return new RetrySchedule(p.maxAttempts(), attempt -> Duration.ofMillis(interval.apply(attempt)));
  }

  @Bean
  WebhookDispatcher webhookDispatcher(
      WebhookDeliveries deliveries,
      WebhookSubscriptions subscriptions,
      TargetGuard guard,
      RetrySchedule schedule,
      Clock clock,
      WebhookProperties p,
      MeterRegistry registry) {
    var sender = new TimedWebhookSender(
        new HttpWebhookSender(guard, p.connectTimeout(), p.requestTimeout(), clock), registry);
    var lease = p.connectTimeout().plus(p.requestTimeout()).plusSeconds(30);
    return new WebhookDispatcher(deliveries, subscriptions, sender, guard, schedule, clock,
        new WebhookDispatcher.Settings(p.pollInterval(), p.batchSize(), lease));
  }

  @Bean
  WebhookPublisher webhookPublisher(
      WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookDispatcher dispatcher, Clock clock) {
    return new WebhookPublisher(subscriptions, deliveries, dispatcher::nudge, clock);
  }

  @Bean
  ManageWebhooks manageWebhooks(
      WebhookSubscriptions subscriptions,
      WebhookDeliveries deliveries,
      TargetGuard guard,
      WebhookDispatcher dispatcher,
      Clock clock) {
    return new ManageWebhooks(subscriptions, deliveries, guard, dispatcher::nudge, clock);
  }

  @Bean
  WorkerLifecycle webhookDispatcherLifecycle(WebhookDispatcher dispatcher, WebhookProperties properties) {
    return new WorkerLifecycle(dispatcher, properties.enabled());
  }
}
