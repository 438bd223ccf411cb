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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

  /** The languages of invitation e-mails; English when none is asked for. */
  static final Set<String> MAIL_LANGUAGES = Set.of("en", "fr");
  static final String DEFAULT_LANGUAGE = "en";

  private final Tenants tenants;
  private final Users users;
  private final Sessions sessions;
  private final SecureRandom random;
  private final Clock clock;
  private final Duration invitationTtl;
  private final Runnable corsChanged;
  private final String publicUrl;
  private final InvitationNotifier notifier;

  /**
   * @param publicUrl where people reach the hub ({@code cx.public-url}): the base of the
   *     absolute invitation links
   * @param notifier e-mails new invitations ({@link InvitationNotifier#none()} without SMTP)
   */
  public PeopleAdministration(Tenants tenants, Users users, Sessions sessions, SecureRandom random, Clock clock,
      Duration invitationTtl, Runnable corsChanged, String publicUrl, InvitationNotifier notifier) {
    this.tenants = tenants;
    this.users = users;
    this.sessions = sessions;
    this.random = random;
    this.clock = clock;
    this.invitationTtl = invitationTtl;
    this.corsChanged = corsChanged;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.notifier = notifier;
  }

  /**
   * An invitation just created, with its secret (shown once).
   *
   * @param inviteUrl the absolute secret link, on the public URL
   * @param emailSent whether the person was sent the link by e-mail
   */
  public record NewInvitation(Invitation invitation, String secret, String inviteUrl, boolean emailSent) {
    public String invitePath() {
      return INVITE_PATH + secret;
    }
  }

  /**
   * Invites a person, and e-mails them the link when e-mail is configured; a failed e-mail
   * does not fail the invitation (the reply says whether it was sent).
   *
   * @param language of the e-mail: {@code en} or {@code fr}; empty: English
   * @throws AdminException.InvalidInput for a bad address, role or language
   * @throws AdminException.AlreadyExists if the address is a user already
   * @throws AdminException.PermissionDenied for a role above the actor's
   */
  public NewInvitation invite(Actor actor, String tenantId, String email, Optional<Role> role, String language) {
    Tenant tenant = requireManagedTenant(actor, tenantId);
    var violations = new ArrayList<FieldViolation>();
    String address = SessionService.normaliseEmail(email, "invitation.email", violations);
    if (role.isEmpty()) {
      violations.add(new FieldViolation("invitation.role", "Required: TENANT_ROLE_VIEWER, TENANT_ROLE_AGENT, "
          + "TENANT_ROLE_ANALYST or TENANT_ROLE_ADMIN."));
    }
    String mailLanguage = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (mailLanguage.isEmpty()) {
      mailLanguage = DEFAULT_LANGUAGE;
    } else if (!MAIL_LANGUAGES.contains(mailLanguage)) {
      violations.add(new FieldViolation("invitation.language", "Must be en or fr (or left empty for English)."));
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
    String url = publicUrl + INVITE_PATH + secret;
    boolean sent = notifier.notify(new InvitationNotifier.Notice(invitation, tenant.displayName(), mailLanguage, url));
    return new NewInvitation(invitation, secret, url, sent);
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

  private Tenant requireManagedTenant(Actor actor, String tenantId) {
    Optional<Tenant> tenant = actor.manages(tenantId) ? tenants.find(tenantId) : Optional.empty();
    if (tenant.isEmpty()) {
      throw new AdminException.NotFound(Tenant.notFoundMessage(tenantId));
    }
    if (!actor.roleIn(tenantId).atLeast(Role.ADMIN)) {
      throw new AdminException.PermissionDenied("This operation needs the role TENANT_ROLE_ADMIN.");
    }
    return tenant.get();
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
