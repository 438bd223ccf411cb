package io.cxhub.gateway.testing;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import java.time.Instant;
import java.util.Set;

/** API keys for tests, made from their secret. */
public final class TestKeys {

  public static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");

  private TestKeys() {}

  /** A key of a tenant with a role and scopes; its key id is {@code k-<secret>}. */
  public static ApiKey key(String secret, String tenantId, Role role, Set<Scope> scopes) {
    return ApiKey.builder()
        .hash(ApiKeySecrets.hash(secret))
        .tenantId(tenantId)
        .keyId("k-" + secret.replaceAll("[^a-z0-9]", ""))
        .role(role)
        .scopes(scopes)
        .displayName("test key " + secret)
        .secretPrefix(ApiKeySecrets.visiblePrefix(secret))
        .createTime(ISSUED)
        .build();
  }

  /** A platform operator key, also admin of its tenant with every scope (like the bootstrap key). */
  public static ApiKey platform(String secret, String tenantId) {
    return key(secret, tenantId, Role.ADMIN, Scope.all()).toBuilder().platformOperator(true).build();
  }
}
