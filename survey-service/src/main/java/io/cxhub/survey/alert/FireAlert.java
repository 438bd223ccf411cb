package io.cxhub.survey.alert;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.id.Ids;
import io.cxhub.survey.followup.CaseOpening;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alert raised by another service (metrics alerts), sent through the hub's one
 * notification path: an {@code alert.fired} event to the subscribed webhooks and, if the
 * rule says so or the caller asks, a case. Deduplicated by the caller's alert id: the event
 * and case ids derive from it, so firing again changes nothing.
 */
public final class FireAlert {

  private static final Logger log = LoggerFactory.getLogger(FireAlert.class);
  static final int MAX_TEXT = 200;

  /** What the caller fired. Null strings are "not given". */
  public record Alert(
      String alertId, String title, String severity, String source, String surveyId, String stageId,
      String touchpointId, String ruleId, boolean openCase) {}

  /** @param caseId null when no case was opened */
  public record Fired(String eventId, String caseId) {}

  private final AlertRules rules;
  private final OpenCase openCase;
  private final WebhookPublisher webhooks;
  private final Clock clock;

  public FireAlert(AlertRules rules, OpenCase openCase, WebhookPublisher webhooks, Clock clock) {
    this.rules = rules;
    this.openCase = openCase;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  public Fired fire(String tenantId, Alert alert) {
    var v = new ArrayList<FieldViolation>();
    if (alert.alertId() == null || alert.alertId().isBlank()) {
      v.add(new FieldViolation("alert_id", "is required"));
    } else if (alert.alertId().length() > MAX_TEXT) {
      v.add(new FieldViolation("alert_id", "must be at most " + MAX_TEXT + " characters"));
    }
    if (alert.title() == null || alert.title().isBlank()) {
      v.add(new FieldViolation("title", "is required"));
    } else if (alert.title().length() > MAX_TEXT) {
      v.add(new FieldViolation("title", "must be at most " + MAX_TEXT + " characters"));
    }
    if (!v.isEmpty()) {
      throw new InvalidInputException(v);
    }
    AlertRule rule = alert.ruleId() == null ? null
        : rules.find(tenantId, alert.ruleId()).orElseThrow(() -> new NotFoundException("alert rule", alert.ruleId()));

    String caseId = null;
    boolean wantsCase = alert.openCase() || (rule != null && rule.actions().openCase());
    if (wantsCase) {
      caseId = Ids.derived(tenantId, "alert-case", alert.alertId());
      var actions = rule == null ? null : rule.actions();
      openCase.open(new CaseOpening(tenantId, caseId, alert.ruleId(), null, alert.alertId(), alert.surveyId(), null,
          alert.title(), actions == null ? null : actions.assignee(), actions == null ? null : actions.team(),
          actions == null ? null : actions.firstContactSla(), actions == null ? null : actions.resolutionSla()));
    }
    String eventId = Ids.derived(tenantId, "alert.fired", "external", alert.alertId());
    if (rule == null || rule.actions().notifyWebhooks()) {
      var data = new LinkedHashMap<String, Object>();
      data.put("alertId", alert.alertId());
      data.put("title", alert.title());
      data.put("severity", alert.severity() == null ? "warning" : alert.severity());
      data.put("source", alert.source());
      data.put("ruleId", alert.ruleId());
      data.put("surveyId", alert.surveyId());
      data.put("stageId", alert.stageId());
      data.put("touchpointId", alert.touchpointId());
      data.put("caseId", caseId);
      webhooks.publish(AlertEvents.fired(tenantId, eventId, data, clock.instant()));
    }
    log.info("alert fired tenant={} alert={} source={} rule={} case={}",
        tenantId, alert.alertId(), alert.source(), alert.ruleId(), caseId);
    return new Fired(eventId, caseId);
  }
}
