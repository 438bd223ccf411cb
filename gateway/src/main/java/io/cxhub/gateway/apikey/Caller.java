package io.cxhub.gateway.apikey;

/**
 * Who sent a request, as proven by a valid API key.
 *
 * @param tenantId the tenant the key acts for; the only source of a request's tenant
 * @param keyId the key used
 * @param role the key's role
 */
public record Caller(String tenantId, String keyId, Role role) {

  static Caller of(ApiKey key) {
    return new Caller(key.tenantId(), key.keyId(), key.role());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
