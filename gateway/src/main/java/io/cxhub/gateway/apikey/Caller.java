package io.cxhub.gateway.apikey;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent a request, as proven by a valid API key.
 *
 * @param tenantId the tenant the key acts for; the only source of a request's tenant
 * @param keyId the key used
 * @param role the key's role in its tenant
 * @param scopes what the key may be used for
 * @param platformOperator whether the key is the platform operator's
 */
public record Caller(String tenantId, String keyId, Role role, Set<Scope> scopes, boolean platformOperator) {

  public Caller {
    scopes = scopes == null || scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
  }

  public static Caller of(ApiKey key) {
    return new Caller(key.tenantId(), key.keyId(), key.role(), key.scopes(), key.platformOperator());
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
