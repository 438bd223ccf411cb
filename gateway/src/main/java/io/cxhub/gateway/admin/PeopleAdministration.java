package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.cors.CorsOrigins;
import io.cxhub.gateway.problem.FieldViolation;
import io.cxhub.gateway.session.Invitation;
import io.cxhub.gateway.session.SessionService;
import io.cxhub.gateway.session.Sessions;
import io.cxhub.gateway.session.User;
import io.cxhub.gateway.session.Users;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.tenant.Tenants;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin use cases for a tenant's people (dashboard users and invitations) and its CORS
 * policy. Same rules as {@link TenantAdministration}: a tenant's admins and the platform
 * operator only, any other tenant answering like a missing one; nobody grants a role above
 * their own.
 */
public final class PeopleAdministration {

  /** Where the dashboard opens an invitation; the secret follows. */
  public static final String INVITE_PATH = "/app/#/invite/";

  private final Tenants tenants;
  private final Users users;
  private final Sessions sessions;
  private final SecureRandom random;
  private final Clock clock;
  private final Duration invitationTtl;
  private final Runnable corsChanged;

  public PeopleAdministration(Tenants tenants, Users users, Sessions sessions, SecureRandom random, Clock clock,
      Duration invitationTtl, Runnable corsChanged) {
    this.tenants = tenants;
    this.users = users;
    this.sessions = sessions;
    this.random = random;
    this.clock = clock;
    this.invitationTtl = invitationTtl;
    this.corsChanged = corsChanged;
  }

  /** An invitation just created, with its secret (shown once). */
  public record NewInvitation(Invitation invitation, String secret) {
    public String invitePath() {
      return INVITE_PATH + secret;
    }
  }

  /**
   * Invites a person.
   *
   * @throws AdminException.InvalidInput for a bad address or role
   * @throws AdminException.AlreadyExists if the address is a user already
   * @throws AdminException.PermissionDenied for a role above the actor's
   */
  public NewInvitation invite(Actor actor, String tenantId, String email, Optional<Role> role) {
    requireManagedTenant(actor, tenantId);
    var violations = new ArrayList<FieldViolation>();
    String address = SessionService.normaliseEmail(email, "invitation.email", violations);
    if (role.isEmpty()) {
      violations.add(new FieldViolation("invitation.role", "Required: TENANT_ROLE_VIEWER, TENANT_ROLE_AGENT, "
          + "TENANT_ROLE_ANALYST or TENANT_ROLE_ADMIN."));
    }
    failIfAny(violations);
    requireGrantable(actor, tenantId, role.get());
    if (users.findByEmail(address).isPresent()) {
      throw new AdminException.AlreadyExists("'" + address + "' already has an account.");
    }
    var bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    var invitation = new Invitation(ApiKeySecrets.hash(secret), UUID.randomUUID().toString(), tenantId, address,
        role.get(), now, now.plus(invitationTtl), Optional.empty());
    users.insertInvitation(invitation);
    return new NewInvitation(invitation, secret);
  }

  public List<User> listUsers(Actor actor, String tenantId) {
    requireManagedTenant(actor, tenantId);
    return users.list(tenantId);
  }

  public List<Invitation> openInvitations(Actor actor, String tenantId) {
    requireManagedTenant(actor, tenantId);
    return users.openInvitations(tenantId, clock.instant());
  }

  /**
   * Changes a user's role.
   *
   * @param mask the fields to change; only {@code role}
   */
  public User updateUser(Actor actor, String tenantId, String userId, Optional<Role> role, List<String> mask) {
    requireManagedTenant(actor, tenantId);
    var violations = new ArrayList<FieldViolation>();
    if (mask.isEmpty()) {
      violations.add(new FieldViolation("update_mask", "Required: name the fields to change (role)."));
    }
    for (int i = 0; i < mask.size(); i++) {
      if (!mask.get(i).equals("role")) {
        violations.add(new FieldViolation("update_mask.paths[" + i + "]", "Only role can be changed."));
      }
    }
    if (mask.contains("role") && role.isEmpty()) {
      violations.add(new FieldViolation("user.role", "Required."));
    }
    failIfAny(violations);
    requireGrantable(actor, tenantId, role.get());
    User user = users.find(userId).filter(u -> u.tenantId().equals(tenantId)).orElseThrow(() -> notFound(tenantId, userId));
    if (user.role().compareTo(actor.roleIn(tenantId)) > 0) {
      throw new AdminException.PermissionDenied("A user with a role above yours cannot be changed by you.");
    }
    return users.updateRole(tenantId, userId, role.get()).orElseThrow(() -> notFound(tenantId, userId));
  }

  /** Removes a user and ends its sessions. */
  public void deleteUser(Actor actor, String tenantId, String userId) {
    requireManagedTenant(actor, tenantId);
    User user = users.find(userId).filter(u -> u.tenantId().equals(tenantId)).orElseThrow(() -> notFound(tenantId, userId));
    if (user.role().compareTo(actor.roleIn(tenantId)) > 0) {
      throw new AdminException.PermissionDenied("A user with a role above yours cannot be removed by you.");
    }
    users.delete(tenantId, userId);
    sessions.deleteForUser(userId);
  }

  public List<String> corsOrigins(Actor actor, String tenantId) {
    requireManagedTenant(actor, tenantId);
    return tenants.allowedOrigins(tenantId);
  }

  /** Replaces the allowed origins (canonical form, duplicates dropped). */
  public List<String> updateCorsOrigins(Actor actor, String tenantId, List<String> origins) {
    requireManagedTenant(actor, tenantId);
    var violations = new ArrayList<FieldViolation>();
    if (origins.size() > CorsOrigins.MAX_ORIGINS) {
      violations.add(new FieldViolation("cors_policy.allowed_origins", "At most " + CorsOrigins.MAX_ORIGINS + " origins."));
    }
    var canonical = new LinkedHashSet<String>();
    for (int i = 0; i < origins.size() && i < CorsOrigins.MAX_ORIGINS; i++) {
      var origin = CorsOrigins.canonical(origins.get(i));
      if (origin.isEmpty()) {
        violations.add(new FieldViolation("cors_policy.allowed_origins[" + i + "]",
            "Not an origin: write scheme://host[:port], http or https, without a path."));
      } else {
        canonical.add(origin.get());
      }
    }
    failIfAny(violations);
    List<String> stored = List.copyOf(canonical);
    tenants.setAllowedOrigins(tenantId, stored);
    corsChanged.run();
    return stored;
  }

  private void requireGrantable(Actor actor, String tenantId, Role role) {
    Role own = actor.roleIn(tenantId);
    if (!own.atLeast(role)) {
      throw new AdminException.PermissionDenied("You may not grant the role TENANT_ROLE_" + role.name()
          + ", above your own (TENANT_ROLE_" + own.name() + ").");
    }
  }

  private void requireManagedTenant(Actor actor, String tenantId) {
    if (!actor.manages(tenantId) || tenants.find(tenantId).isEmpty()) {
      throw new AdminException.NotFound(Tenant.notFoundMessage(tenantId));
    }
    if (!actor.roleIn(tenantId).atLeast(Role.ADMIN)) {
      throw new AdminException.PermissionDenied("This operation needs the role TENANT_ROLE_ADMIN.");
    }
  }

  private static AdminException.NotFound notFound(String tenantId, String userId) {
    return new AdminException.NotFound("Tenant '" + tenantId + "' has no user '" + userId + "'.");
  }

  private static void failIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new AdminException.InvalidInput(violations.stream()
          .map(v -> new AdminException.Violation(v.field(), v.message())).toList());
    }
  }
}
