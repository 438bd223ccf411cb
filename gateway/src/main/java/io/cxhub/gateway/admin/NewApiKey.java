package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller asks for when issuing a key.
 *
 * @param displayName label of the key
 * @param role its role; empty when the request named none (refused)
 * @param scopes its scopes; empty when the request named none (refused)
 * @param platformOperator whether it is to be a platform operator key
 */
public record NewApiKey(String displayName, Optional<Role> role, Set<Scope> scopes, boolean platformOperator) {

  public NewApiKey {
    role = role == null ? Optional.empty() : role;
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }
}
