package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.audit.AuditActor;
import io.cxhub.gateway.audit.AuditEvent;

/**
 * Who performs an admin operation: the stored API key that sent it (read again from
 * storage, so a key revoked a moment ago cannot act), and where the request came from.
 *
 * @param key the caller's key
 * @param origin the request's client address and id, for the audit log
 */
public record Actor(ApiKey key, AuditEvent.Origin origin) {

  /** Whether the actor may manage this tenant: its own, or any for the platform operator. */
  public boolean manages(String tenantId) {
    return key.platformOperator() || key.tenantId().equals(tenantId);
  }

  /** The actor's role in a tenant it manages: the platform operator acts as an admin. */
  public Role roleIn(String tenantId) {
    if (!manages(tenantId)) {
      throw new IllegalArgumentException("the actor does not manage tenant " + tenantId);
    }
    return key.platformOperator() ? Role.ADMIN : key.role();
  }

  AuditActor audit() {
    return new AuditActor(key.keyId(), key.tenantId(), key.displayName(), key.platformOperator());
  }
}
