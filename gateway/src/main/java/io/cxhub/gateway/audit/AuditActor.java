package io.cxhub.gateway.audit;

/**
 * Who did an audited act: the API key that sent the request.
 *
 * @param keyId the key's id
 * @param tenantId the key's tenant, which may differ from the tenant acted on (platform operator)
 * @param displayName the key's display name at the time
 * @param platformOperator whether the key was a platform operator key
 */
public record AuditActor(String keyId, String tenantId, String displayName, boolean platformOperator) {}
