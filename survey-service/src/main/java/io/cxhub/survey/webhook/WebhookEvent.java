package io.cxhub.survey.webhook;

import java.time.Instant;

/**
 * Something that happened in a tenant, to be delivered to the subscribed endpoints.
 *
 * @param eventId deterministic for a given fact (e.g. derived from the case id), so that
 *     publishing the same fact twice gives the same deliveries
 * @param body the JSON body sent as is
 */
public record WebhookEvent(String tenantId, String eventId, EventType type, Instant occurredAt, String body) {}
