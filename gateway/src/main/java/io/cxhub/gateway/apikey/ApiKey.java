package io.cxhub.gateway.apikey;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored API key. The secret itself is never stored: only its {@code hash}, which is
 * also how a presented secret is looked up. Build one with {@link #builder()}.
 *
 * @param hash SHA-256 of the secret, hex ({@link ApiKeySecrets#hash})
 * @param tenantId the tenant the key acts for
 * @param keyId identifier of the key within its tenant
 * @param role the key's role in its tenant
 * @param scopes what the key may be used for; never empty
 * @param platformOperator whether the key is also the platform operator's (creates and lists
 *     tenants, manages every tenant's keys)
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
    Set<Scope> scopes,
    boolean platformOperator,
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
    scopes = scopes == null || scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    displayName = displayName == null ? "" : displayName;
    secretPrefix = secretPrefix == null ? "" : secretPrefix;
    revokeTime = revokeTime == null ? Optional.empty() : revokeTime;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().hash(hash).tenantId(tenantId).keyId(keyId).role(role).scopes(scopes)
        .platformOperator(platformOperator).displayName(displayName).secretPrefix(secretPrefix)
        .createTime(createTime).revokeTime(revokeTime.orElse(null));
  }

  public boolean revoked() {
    return revokeTime.isPresent();
  }

  public ApiKey revokedAt(Instant time) {
    return toBuilder().revokeTime(time).build();
  }

  /** Builds an {@link ApiKey}; hash, tenant, key id, role and create time are required. */
  public static final class Builder {
    private String hash;
    private String tenantId;
    private String keyId;
    private Role role;
    private Set<Scope> scopes = Set.of();
    private boolean platformOperator;
    private String displayName;
    private String secretPrefix;
    private Instant createTime;
    private Instant revokeTime;

    private Builder() {}

    public Builder hash(String value) {
      this.hash = value;
      return this;
    }

    public Builder tenantId(String value) {
      this.tenantId = value;
      return this;
    }

    public Builder keyId(String value) {
      this.keyId = value;
      return this;
    }

    public Builder role(Role value) {
      this.role = value;
      return this;
    }

    public Builder scopes(Set<Scope> value) {
      this.scopes = value;
      return this;
    }

    public Builder platformOperator(boolean value) {
      this.platformOperator = value;
      return this;
    }

    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    public Builder secretPrefix(String value) {
      this.secretPrefix = value;
      return this;
    }

    public Builder createTime(Instant value) {
      this.createTime = value;
      return this;
    }

    /** @param value when it was revoked; null while valid */
    public Builder revokeTime(Instant value) {
      this.revokeTime = value;
      return this;
    }

    public ApiKey build() {
      return new ApiKey(hash, tenantId, keyId, role, scopes, platformOperator, displayName, secretPrefix,
          createTime, Optional.ofNullable(revokeTime));
    }
  }
}
