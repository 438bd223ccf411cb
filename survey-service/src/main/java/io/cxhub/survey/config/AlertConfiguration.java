package io.cxhub.survey.config;

import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.survey.alert.AlertRules;
import io.cxhub.survey.alert.AlertWorker;
import io.cxhub.survey.alert.EvaluateRules;
import io.cxhub.survey.alert.FireAlert;
import io.cxhub.survey.alert.ManageAlertRules;
import io.cxhub.survey.alert.PendingAlerts;
import io.cxhub.survey.followup.FollowUpCases;
import io.cxhub.survey.followup.ManageCases;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.survey.Surveys;
import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
  ManageAlertRules manageAlertRules(AlertRules rules, Surveys surveys, Clock clock) {
    return new ManageAlertRules(rules, (tenantId, surveyId) -> surveys.find(tenantId, surveyId).isPresent(), clock);
  }

  @Bean
  EvaluateRules evaluateRules(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, Clock clock) {
    return new EvaluateRules(rules, openCase, webhooks, clock);
  }

  @Bean
  FireAlert fireAlert(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, Clock clock) {
    return new FireAlert(rules, openCase, webhooks, clock);
  }

  @Bean
  AlertWorker alertWorker(PendingAlerts pending, EvaluateRules evaluate, AlertProperties p) {
    return new AlertWorker(pending, evaluate::evaluate, p.pollInterval(), p.batchSize());
  }

  @Bean
  WorkerLifecycle alertWorkerLifecycle(AlertWorker worker, AlertProperties properties) {
    return new WorkerLifecycle(worker, properties.enabled());
  }
}
