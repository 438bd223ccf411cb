package io.cxhub.gateway.audit;

/**
 * What an audit event records. New administrative acts (settings changes, users) are new
 * values here and in the contract's {@code cx.admin.v1.AuditEventType}.
 */
public enum AuditEventType {
  TENANT_CREATED,
  API_KEY_CREATED,
  API_KEY_REVOKED
}
