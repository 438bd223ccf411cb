package io.cxhub.gateway.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key. The secret itself is never stored: only its {@code hash}, which is
 * also how a presented secret is looked up.
 *
 * @param hash SHA-256 of the secret, hex ({@link ApiKeySecrets#hash})
 * @param tenantId the tenant the key acts for
 * @param keyId identifier of the key within its tenant
 * @param role what the key may do
 * @param displayName label to recognise the key
 * @param secretPrefix first characters of the secret, to recognise it
 * @param createTime when it was issued
 * @param revokeTime when it was revoked; empty while valid
 */
public record ApiKey(
    String hash,
    String tenantId,
    String keyId,
    Role role,
    String displayName,
    String secretPrefix,
    Instant createTime,
    Optional<Instant> revokeTime) {

  public ApiKey {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createTime, "createTime");
    displayName = displayName == null ? "" : displayName;
    secretPrefix = secretPrefix == null ? "" : secretPrefix;
    revokeTime = revokeTime == null ? Optional.empty() : revokeTime;
  }

  public boolean revoked() {
    return revokeTime.isPresent();
  }

  public ApiKey revokedAt(Instant time) {
    return new ApiKey(hash, tenantId, keyId, role, displayName, secretPrefix, createTime, Optional.of(time));
  }
}
