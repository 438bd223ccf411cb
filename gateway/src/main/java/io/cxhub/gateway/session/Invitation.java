package io.cxhub.gateway.session;

import io.cxhub.gateway.apikey.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * An invitation to become a user of a tenant. Only the SHA-256 of its secret is stored.
 *
 * @param hash SHA-256 of the secret, hex
 * @param invitationId identifier
 * @param tenantId the tenant
 * @param email whom it invites (lower case)
 * @param role the role the person will have
 * @param createTime when it was created
 * @param expireTime when it stops working
 * @param acceptTime when it was accepted; empty while open
 */
public record Invitation(
    String hash,
    String invitationId,
    String tenantId,
    String email,
    Role role,
    Instant createTime,
    Instant expireTime,
    Optional<Instant> acceptTime) {

  public boolean openAt(Instant now) {
    return acceptTime.isEmpty() && now.isBefore(expireTime);
  }
}
