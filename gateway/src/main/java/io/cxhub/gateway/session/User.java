package io.cxhub.gateway.session;

import io.cxhub.gateway.apikey.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in to the dashboard. Acts for one tenant with one role, exactly as an
 * API key of that role with every scope would.
 *
 * @param userId identifier, unique across CX Hub
 * @param tenantId the user's tenant
 * @param email login name, lower case, unique across CX Hub
 * @param displayName name shown to people
 * @param role role in the tenant
 * @param passwordHash the password's bcrypt hash; empty for users who only sign in through
 *     single sign-on
 * @param createTime when the user was created
 * @param lastLoginTime when the user last signed in
 */
public record User(
    String userId,
    String tenantId,
    String email,
    String displayName,
    Role role,
    Optional<String> passwordHash,
    Instant createTime,
    Optional<Instant> lastLoginTime) {

  public User {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createTime, "createTime");
    displayName = displayName == null ? "" : displayName;
    passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
    lastLoginTime = lastLoginTime == null ? Optional.empty() : lastLoginTime;
  }

  /** The key id a user's requests carry (rate limits, audit log, backends' logs). */
  public String callerKeyId() {
    return SessionAuthenticator.USER_KEY_PREFIX + userId;
  }

  public User withRole(Role value) {
    return new User(userId, tenantId, email, displayName, value, passwordHash, createTime, lastLoginTime);
  }
}
