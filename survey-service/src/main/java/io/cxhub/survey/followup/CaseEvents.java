package io.cxhub.survey.followup;

import io.cxhub.kit.id.Ids;
import io.cxhub.survey.webhook.EventBodies;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code case.opened} and {@code case.updated} webhook events of a case. */
final class CaseEvents {

  private CaseEvents() {}

  static WebhookEvent opened(FollowUpCase c) {
    return EventBodies.event(c.tenantId(), Ids.derived(c.tenantId(), "case.opened", c.caseId()),
        EventType.CASE_OPENED, c.createdAt(), data(c, c.createdAt()));
  }

  /** One event per version of the case. */
  static WebhookEvent updated(FollowUpCase c, Instant at) {
    return EventBodies.event(c.tenantId(), Ids.derived(c.tenantId(), "case.updated", c.caseId(), Long.toString(c.version())),
        EventType.CASE_UPDATED, at, data(c, at));
  }

  private static Map<String, Object> data(FollowUpCase c, Instant now) {
    var data = new LinkedHashMap<String, Object>();
    data.put("caseId", c.caseId());
    data.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
    data.put("category", c.category() == null ? null : c.category().name().toLowerCase(java.util.Locale.ROOT));
    data.put("title", c.title());
    data.put("ruleId", c.ruleId());
    data.put("responseId", c.responseId());
    data.put("alertId", c.alertId());
    data.put("surveyId", c.surveyId());
    data.put("assignee", c.assignee());
    data.put("team", c.team());
    data.put("rootCause", c.rootCause());
    data.put("playbook", c.playbook().stream().map(PlaybookStep::key).toList());
    data.put("firstContactDue", c.firstContactDue().toString());
    data.put("resolutionDue", c.resolutionDue().toString());
    data.put("slaBreached", c.breached(now));
    data.put("version", c.version());
    return data;
  }
}
