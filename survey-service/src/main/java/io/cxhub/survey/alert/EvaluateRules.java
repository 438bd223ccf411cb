package io.cxhub.survey.alert;

import io.cxhub.kit.id.Ids;
import io.cxhub.survey.followup.CaseOpening;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the tenant's enabled rules on one accepted response and carries out the
 * actions of those that match. Safe to repeat: the case id and every event id derive from
 * (rule, response), so a second run after a crash opens and queues nothing new.
 */
public final class EvaluateRules {

  private static final Logger log = LoggerFactory.getLogger(EvaluateRules.class);

  private final AlertRules rules;
  private final OpenCase openCase;
  private final WebhookPublisher webhooks;
  private final Clock clock;

  public EvaluateRules(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, Clock clock) {
    this.rules = rules;
    this.openCase = openCase;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** @return the number of rules that fired */
  public int evaluate(AlertSubject subject) {
    webhooks.publish(AlertEvents.responseCreated(subject));
    int fired = 0;
    for (AlertRule rule : rules.list(subject.tenantId())) {
      if (!rule.enabled() || !RuleEvaluator.matches(rule.conditions(), subject)) {
        continue;
      }
      fired++;
      var actions = rule.actions();
      String caseId = null;
      if (actions.openCase()) {
        caseId = Ids.derived(subject.tenantId(), "case", rule.ruleId(), subject.responseId());
        openCase.open(new CaseOpening(subject.tenantId(), caseId, rule.ruleId(), subject.responseId(), null,
            subject.surveyId(), RuleEvaluator.category(rule.conditions(), subject).orElse(null), rule.name(),
            actions.assignee(), actions.team(), actions.firstContactSla(), actions.resolutionSla(),
            subject.contactConsent()));
      }
      if (actions.notifyWebhooks()) {
        webhooks.publish(AlertEvents.ruleFired(rule, subject, caseId, clock.instant()));
      }
      log.info("alert rule fired tenant={} rule={} response={} case={}",
          subject.tenantId(), rule.ruleId(), subject.responseId(), caseId);
    }
    return fired;
  }
}
