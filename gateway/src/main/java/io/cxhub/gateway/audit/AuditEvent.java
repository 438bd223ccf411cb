package io.cxhub.gateway.audit;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.tenant.Tenant;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One administrative act on a tenant: who, when, what, from where. Made with the named
 * factories, one per {@link AuditEventType}.
 *
 * @param eventId identifier, ordered by time ({@link AuditLog#newEventId})
 * @param tenantId the tenant acted on; its admins can list the event
 * @param type what was done
 * @param eventTime when
 * @param actor who
 * @param clientAddress the HTTP client's address as the gateway saw it; empty when unknown
 * @param requestId the request id, to find the request in the access logs
 * @param apiKey for key events, the key after the act (no secret is ever stored)
 * @param tenant for {@link AuditEventType#TENANT_CREATED}, the tenant created
 */
public record AuditEvent(
    String eventId,
    String tenantId,
    AuditEventType type,
    Instant eventTime,
    AuditActor actor,
    String clientAddress,
    String requestId,
    Optional<ApiKey> apiKey,
    Optional<Tenant> tenant) {

  public AuditEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(actor, "actor");
    clientAddress = clientAddress == null ? "" : clientAddress;
    requestId = requestId == null ? "" : requestId;
    apiKey = apiKey == null ? Optional.empty() : apiKey;
    tenant = tenant == null ? Optional.empty() : tenant;
  }

  /** Where an act came from: the request's client address and id. */
  public record Origin(String clientAddress, String requestId) {}

  public static AuditEvent tenantCreated(String eventId, Instant time, AuditActor actor, Origin origin, Tenant tenant) {
    return new AuditEvent(eventId, tenant.tenantId(), AuditEventType.TENANT_CREATED, time, actor,
        origin.clientAddress(), origin.requestId(), Optional.empty(), Optional.of(tenant));
  }

  public static AuditEvent apiKeyCreated(String eventId, Instant time, AuditActor actor, Origin origin, ApiKey key) {
    return new AuditEvent(eventId, key.tenantId(), AuditEventType.API_KEY_CREATED, time, actor,
        origin.clientAddress(), origin.requestId(), Optional.of(key), Optional.empty());
  }

  public static AuditEvent apiKeyRevoked(String eventId, Instant time, AuditActor actor, Origin origin, ApiKey key) {
    return new AuditEvent(eventId, key.tenantId(), AuditEventType.API_KEY_REVOKED, time, actor,
        origin.clientAddress(), origin.requestId(), Optional.of(key), Optional.empty());
  }
}
