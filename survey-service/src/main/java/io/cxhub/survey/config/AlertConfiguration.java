package io.cxhub.survey.config;

import io.cxhub.survey.alert.AlertEvaluation;
import io.cxhub.survey.alert.AlertRules;
import io.cxhub.survey.alert.EvaluateRules;
import io.cxhub.survey.alert.FireAlert;
import io.cxhub.survey.alert.ManageAlertRules;
import io.cxhub.survey.alert.TextAnalyzer;
import io.cxhub.survey.alert.grpc.TextAnalyticsClient;
import io.cxhub.survey.followup.FollowUpCases;
import io.cxhub.survey.followup.ManageCases;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.outbox.OutboxSettings;
import io.cxhub.survey.outbox.OutboxSubscription;
import io.cxhub.survey.survey.Surveys;
import io.cxhub.survey.webhook.WebhookPublisher;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/** Wires alert rules, follow-up cases and the alert worker. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

  @Bean
  OpenCase openCase(FollowUpCases cases, WebhookPublisher webhooks, Clock clock, AlertProperties p) {
    return new OpenCase(cases, webhooks, new OpenCase.DefaultSla(p.firstContactSla(), p.resolutionSla()), clock);
  }

  @Bean
  ManageCases manageCases(FollowUpCases cases, WebhookPublisher webhooks, Clock clock) {
    return new ManageCases(cases, webhooks, clock);
  }

  @Bean
  ManageAlertRules manageAlertRules(AlertRules rules, Surveys surveys, TextAnalyzer text, Clock clock) {
    return new ManageAlertRules(rules, (tenantId, surveyId) -> surveys.find(tenantId, surveyId).isPresent(), text,
        clock);
  }

  @Bean
  EvaluateRules evaluateRules(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, TextAnalyzer text,
      Clock clock) {
    return new EvaluateRules(rules, openCase, webhooks, text, clock);
  }

  /**
   * metrics-service's text analytics: sentiment and theme conditions of alert rules, and the
   * analysis a case shows (breaker {@code metrics-read}, apart from the relay's).
   */
  @Bean
  TextAnalyticsClient textAnalytics(GrpcChannelFactory channels, PeersProperties peers,
      CircuitBreakerRegistry breakers) {
    return new TextAnalyticsClient(channels.createChannel(peers.metrics()), breakers.circuitBreaker("metrics-read"),
        Duration.ofSeconds(2));
  }

  @Bean
  FireAlert fireAlert(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, Clock clock) {
    return new FireAlert(rules, openCase, webhooks, clock);
  }

  /**
   * The outbox subscriber that evaluates the rules on each accepted response; a response
   * whose evaluation fails {@value #MAX_ATTEMPTS} times is set aside with the reason.
   */
  @Bean
  OutboxSubscription alertEvaluation(EvaluateRules evaluate, AlertProperties p, MeterRegistry registry) {
    return new OutboxSubscription(new TimedOutboxSubscriber(new AlertEvaluation(evaluate::evaluate), registry),
        new OutboxSettings(p.pollInterval(), Duration.ofSeconds(10), p.batchSize(), Duration.ofMillis(500),
            Duration.ofSeconds(30), MAX_ATTEMPTS),
        p.enabled());
  }

  static final int MAX_ATTEMPTS = 5;
}
