package io.cxhub.survey.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON envelope of every webhook body:
 * {@code {"id": eventId, "type": "case.opened", "tenantId": ..., "createdAt": ISO-8601, "data": {...}}}.
 */
public final class EventBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventBodies() {}

  public static WebhookEvent event(String tenantId, String eventId, EventType type, Instant at, Map<String, ?> data) {
    var envelope = new LinkedHashMap<String, Object>();
    envelope.put("id", eventId);
    envelope.put("type", type.wireName());
    envelope.put("tenantId", tenantId);
    envelope.put("createdAt", at.toString());
    envelope.put("data", data);
    try {
      return new WebhookEvent(tenantId, eventId, type, at, JSON.writeValueAsString(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not serialisable", e);
    }
  }
}
