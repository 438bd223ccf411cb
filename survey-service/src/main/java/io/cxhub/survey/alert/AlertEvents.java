package io.cxhub.survey.alert;

import io.cxhub.kit.id.Ids;
import io.cxhub.survey.webhook.EventBodies;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code response.created} and {@code alert.fired} events. */
final class AlertEvents {

  private AlertEvents() {}

  static WebhookEvent responseCreated(AlertSubject s) {
    var data = new LinkedHashMap<String, Object>();
    data.put("responseId", s.responseId());
    data.put("surveyId", s.surveyId());
    data.put("channel", s.channel().name().toLowerCase(Locale.ROOT));
    data.put("submitTime", s.submitTime().toString());
    var scores = new LinkedHashMap<String, Object>();
    s.scores().forEach(x -> scores.put(x.questionId(), x.value()));
    data.put("scores", scores);
    data.put("hasComment", !s.texts().isEmpty());
    return EventBodies.event(s.tenantId(), Ids.derived(s.tenantId(), "response.created", s.responseId()),
        EventType.RESPONSE_CREATED, s.submitTime(), data);
  }

  /** The event of rule {@code rule} firing on a response. */
  static WebhookEvent ruleFired(AlertRule rule, AlertSubject s, String caseId, Instant at) {
    var data = new LinkedHashMap<String, Object>();
    data.put("alertId", Ids.derived(s.tenantId(), rule.ruleId(), s.responseId()));
    data.put("title", rule.name());
    data.put("severity", "warning");
    data.put("source", "survey-service");
    data.put("ruleId", rule.ruleId());
    data.put("responseId", s.responseId());
    data.put("surveyId", s.surveyId());
    data.put("stageId", s.stageId());
    data.put("touchpointId", s.touchpointId());
    data.put("caseId", caseId);
    return EventBodies.event(s.tenantId(), Ids.derived(s.tenantId(), "alert.fired", rule.ruleId(), s.responseId()),
        EventType.ALERT_FIRED, at, data);
  }

  static WebhookEvent fired(String tenantId, String eventId, Map<String, Object> data, Instant at) {
    return EventBodies.event(tenantId, eventId, EventType.ALERT_FIRED, at, data);
  }
}
