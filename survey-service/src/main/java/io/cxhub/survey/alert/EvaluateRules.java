package io.cxhub.survey.alert;

import io.cxhub.kit.id.Ids;
import io.cxhub.survey.followup.CaseOpening;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
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
  private final TextAnalyzer text;
  private final Clock clock;

  /**
   * @param text analyses the free-text answers for rules that test sentiment or themes; a
   *     failure fails the evaluation (the response is evaluated again later)
   */
  public EvaluateRules(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, TextAnalyzer text, Clock clock) {
    this.rules = rules;
    this.openCase = openCase;
    this.webhooks = webhooks;
    this.text = text;
    this.clock = clock;
  }

  /** @return the number of rules that fired */
  public int evaluate(AlertSubject subject) {
    webhooks.publish(AlertEvents.responseCreated(subject));
    int fired = 0;
    var analyses = new Analyses(subject);
    for (AlertRule rule : rules.list(subject.tenantId())) {
      if (!rule.enabled() || !RuleEvaluator.matches(rule.conditions(), subject, analyses)) {
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

  /** The analysis of the subject's free-text answers, asked of text analytics once, when a rule first needs it. */
  private final class Analyses implements Supplier<List<CommentAnalysis>> {
    private final AlertSubject subject;
    private List<CommentAnalysis> analyses;

    Analyses(AlertSubject subject) {
      this.subject = subject;
    }

    @Override
    public List<CommentAnalysis> get() {
      if (analyses == null) {
        analyses = subject.texts().stream().map(t -> text.analyze(subject.tenantId(), t)).toList();
      }
      return analyses;
    }
  }
}
