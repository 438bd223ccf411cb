package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.apikey.KeyRevocationListener;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.audit.AuditEvent;
import io.cxhub.gateway.audit.AuditEventType;
import io.cxhub.gateway.audit.AuditLog;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.tenant.Tenants;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin use cases: tenants, their API keys and their audit log. Plain Java over the
 * storage ports.
 *
 * <p>Every operation takes the {@link Actor} who performs it and checks, again after the
 * gateway's {@code Authorize} filter, what the actor may do: tenants are created and listed
 * by the platform operator only; a tenant's keys and log are managed by that tenant's
 * admins and the platform operator, and any other tenant answers exactly like a missing
 * one; a key is issued with the actor's role or below and scopes the actor's key carries.
 * Key creation, key revocation and tenant creation are written to the audit log.
 *
 * <p>Violations name fields by their path in the admin API's request messages (proto
 * names), e.g. {@code tenant.display_name}.
 */
public final class TenantAdministration {

  static final int MAX_DISPLAY_NAME = 120;
  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;
  private static final int GENERATED_ID_ATTEMPTS = 5;

  private final Tenants tenants;
  private final ApiKeys keys;
  private final ApiKeySecrets secrets;
  private final KeyRevocationListener revocations;
  private final AuditLog audit;
  private final Clock clock;

  public TenantAdministration(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets,
      KeyRevocationListener revocations, AuditLog audit, Clock clock) {
    this.tenants = tenants;
    this.keys = keys;
    this.secrets = secrets;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The actor behind a call: the caller's key, read again from storage.
   *
   * @throws AdminException.Unauthenticated if the key is unknown or revoked
   */
  public Actor actor(String tenantId, String keyId, AuditEvent.Origin origin) {
    if (tenantId == null || keyId == null) {
      throw new AdminException.Unauthenticated("The call names no API key.");
    }
    return keys.find(tenantId, keyId).filter(key -> !key.revoked())
        .map(key -> new Actor(key, origin))
        .orElseThrow(() -> new AdminException.Unauthenticated("The API key is unknown or has been revoked."));
  }

  /**
   * Creates a tenant. An empty id is generated from the display name.
   *
   * @throws AdminException.InvalidInput for a malformed id or display name
   * @throws AdminException.AlreadyExists if a tenant has this id
   */
  public Tenant createTenant(Actor actor, String tenantId, String displayName) {
    requirePlatform(actor, "create tenants");
    var violations = new ArrayList<AdminException.Violation>();
    checkDisplayName("tenant.display_name", displayName, violations);
    boolean generated = tenantId == null || tenantId.isEmpty();
    if (!generated && !Tenant.isValidId(tenantId)) {
      violations.add(new AdminException.Violation("tenant.tenant_id",
          "Use 3 to 40 lowercase letters, digits and '-', starting with a letter or digit."));
    }
    failIfAny(violations);
    if (!generated) {
      var tenant = new Tenant(tenantId, displayName.strip(), now());
      if (!tenants.insert(tenant)) {
        throw new AdminException.AlreadyExists("Tenant '" + tenantId + "' already exists.");
      }
      return created(actor, tenant);
    }
    String base = slug(displayName);
    for (int attempt = 0; attempt < GENERATED_ID_ATTEMPTS; attempt++) {
      String candidate = attempt == 0 && base.length() >= 3 ? base : withSuffix(base);
      var tenant = new Tenant(candidate, displayName.strip(), now());
      if (tenants.insert(tenant)) {
        return created(actor, tenant);
      }
    }
    throw new AdminException.AlreadyExists("Could not find a free tenant id for '" + displayName.strip()
        + "'; choose one in tenant.tenant_id.");
  }

  /**
   * Tenants in id order.
   *
   * @param pageSize 1 to 100; 0 means 20, more than 100 means 100
   * @param pageToken {@code nextPageToken} of the previous page, or empty
   */
  public TenantPage listTenants(Actor actor, int pageSize, String pageToken) {
    requirePlatform(actor, "list tenants");
    var violations = new ArrayList<AdminException.Violation>();
    if (pageSize < 0) {
      violations.add(new AdminException.Violation("page_size", "Must not be negative."));
    }
    Optional<String> after = Optional.empty();
    if (pageToken != null && !pageToken.isEmpty()) {
      after = decodeToken(pageToken);
      if (after.isEmpty()) {
        violations.add(new AdminException.Violation("page_token", "Not a token this API returned."));
      }
    }
    failIfAny(violations);
    int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    List<Tenant> found = tenants.list(after.orElse(""), size + 1);
    if (found.size() <= size) {
      return new TenantPage(found, "");
    }
    List<Tenant> page = found.subList(0, size);
    return new TenantPage(page, encodeToken(page.get(size - 1).tenantId()));
  }

  /**
   * Issues a key for a tenant.
   *
   * @throws AdminException.InvalidInput for a malformed tenant id, display name, or a
   *     missing role or scope
   * @throws AdminException.NotFound if the tenant does not exist or the actor does not manage it
   * @throws AdminException.PermissionDenied for a role above the actor's, a scope the
   *     actor's key lacks, or a platform operator key asked by another actor
   */
  public IssuedApiKey issueApiKey(Actor actor, String tenantId, NewApiKey request) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    checkDisplayName("api_key.display_name", request.displayName(), violations);
    if (request.role().isEmpty()) {
      violations.add(new AdminException.Violation("api_key.role",
          "Required: TENANT_ROLE_VIEWER, TENANT_ROLE_AGENT, TENANT_ROLE_ANALYST or TENANT_ROLE_ADMIN."));
    }
    if (request.scopes().isEmpty()) {
      violations.add(new AdminException.Violation("api_key.scopes",
          "Required: one or more of SCOPE_READ, SCOPE_INGEST, SCOPE_WRITE."));
    }
    failIfAny(violations);
    requireManagedTenant(actor, tenantId);
    Role role = request.role().orElseThrow();
    Role own = actor.roleIn(tenantId);
    if (!own.atLeast(role)) {
      throw new AdminException.PermissionDenied("You may issue keys of role TENANT_ROLE_" + own.name()
          + " or below, not TENANT_ROLE_" + role.name() + ".");
    }
    var missing = request.scopes().stream().filter(scope -> !actor.key().scopes().contains(scope)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new AdminException.PermissionDenied("You may only issue scopes your own key carries; it lacks "
          + String.join(", ", missing.stream().map(scope -> "SCOPE_" + scope.name()).toList()) + ".");
    }
    if (request.platformOperator() && !actor.key().platformOperator()) {
      throw new AdminException.PermissionDenied("Only the platform operator may issue a platform operator key.");
    }
    String secret = secrets.newSecret();
    Instant now = now();
    var key = ApiKey.builder()
        .hash(ApiKeySecrets.hash(secret))
        .tenantId(tenantId)
        .keyId(secrets.newKeyId())
        .role(role)
        .scopes(request.scopes())
        .platformOperator(request.platformOperator())
        .displayName(request.displayName().strip())
        .secretPrefix(ApiKeySecrets.visiblePrefix(secret))
        .createTime(now)
        .build();
    // the log first: a key must never exist without its record (a record of a key whose
    // insert then failed is the lesser harm)
    audit.record(AuditEvent.apiKeyCreated(AuditLog.newEventId(now), now, actor.audit(), actor.origin(), key));
    keys.insert(key);
    return new IssuedApiKey(key, secret);
  }

  /** A tenant's keys, revoked ones included. @throws AdminException.NotFound for an unknown tenant */
  public List<ApiKey> listApiKeys(Actor actor, String tenantId) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    failIfAny(violations);
    requireManagedTenant(actor, tenantId);
    return keys.list(tenantId);
  }

  /**
   * Revokes a key at once; revoking it again changes nothing and is not logged again.
   *
   * @throws AdminException.NotFound if the tenant has no such key, or the actor does not manage it
   * @throws AdminException.PermissionDenied for a platform operator key revoked by another actor
   */
  public ApiKey revokeApiKey(Actor actor, String tenantId, String keyId) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    if (keyId == null || keyId.isEmpty()) {
      violations.add(new AdminException.Violation("key_id", "Required."));
    }
    failIfAny(violations);
    requireManagedTenant(actor, tenantId);
    ApiKey existing = keys.find(tenantId, keyId)
        .orElseThrow(() -> new AdminException.NotFound("Tenant '" + tenantId + "' has no API key '" + keyId + "'."));
    if (existing.platformOperator() && !actor.key().platformOperator()) {
      throw new AdminException.PermissionDenied("Only the platform operator may revoke a platform operator key.");
    }
    Instant now = now();
    ApiKey revoked = keys.revoke(tenantId, keyId, now)
        .orElseThrow(() -> new AdminException.NotFound("Tenant '" + tenantId + "' has no API key '" + keyId + "'."));
    revocations.revoked(revoked.hash());
    if (!existing.revoked()) {
      audit.record(AuditEvent.apiKeyRevoked(AuditLog.newEventId(now), now, actor.audit(), actor.origin(), revoked));
    }
    return revoked;
  }

  /**
   * A tenant's audit log, newest first, in pages of 1 to 100 (20 by default). The page
   * token (the kit's {@link PageRequest}) is bound to the type filter: a token reused with
   * another filter is refused.
   *
   * @throws AdminException.InvalidInput for a bad page size or token
   * @throws AdminException.NotFound for an unknown tenant, or one the actor does not manage
   */
  public AuditPage listAuditEvents(Actor actor, String tenantId, Optional<AuditEventType> type, int pageSize,
      String pageToken) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    PageRequest page = null;
    try {
      page = PageRequest.of(pageSize, pageToken, PageFilter.of(type.orElse(null)));
      if (!page.isFirst() && !AuditLog.isEventId(page.after())) {
        violations.add(new AdminException.Violation("page_token", "is not a token issued by this API"));
      }
    } catch (InvalidInputException e) {
      e.violations().forEach(v -> violations.add(new AdminException.Violation(v.field(), v.description())));
    }
    failIfAny(violations);
    requireManagedTenant(actor, tenantId);
    var found = audit.list(tenantId, type, Optional.ofNullable(page.after()), page.size() + 1);
    if (found.size() <= page.size()) {
      return new AuditPage(found, "");
    }
    var shown = found.subList(0, page.size());
    return new AuditPage(shown, page.nextToken(shown.get(page.size() - 1).eventId()));
  }

  private Tenant created(Actor actor, Tenant tenant) {
    audit.record(AuditEvent.tenantCreated(AuditLog.newEventId(tenant.createTime()), tenant.createTime(),
        actor.audit(), actor.origin(), tenant));
    return tenant;
  }

  private static void requirePlatform(Actor actor, String what) {
    if (!actor.key().platformOperator()) {
      throw new AdminException.PermissionDenied("Only the platform operator may " + what + ".");
    }
  }

  /**
   * The tenant exists and the actor manages it as an admin; another tenant answers exactly
   * like a missing one.
   */
  private void requireManagedTenant(Actor actor, String tenantId) {
    if (!actor.manages(tenantId)) {
      throw new AdminException.NotFound(Tenant.notFoundMessage(tenantId));
    }
    requireTenant(tenantId);
    if (!actor.roleIn(tenantId).atLeast(Role.ADMIN)) {
      throw new AdminException.PermissionDenied("This operation needs the role TENANT_ROLE_ADMIN.");
    }
  }

  private void requireTenant(String tenantId) {
    if (tenants.find(tenantId).isEmpty()) {
      throw new AdminException.NotFound(Tenant.notFoundMessage(tenantId));
    }
  }

  private static void checkTenantId(String field, String tenantId, List<AdminException.Violation> violations) {
    if (tenantId == null || tenantId.isEmpty()) {
      violations.add(new AdminException.Violation(field, "Required."));
    } else if (!Tenant.isValidId(tenantId)) {
      violations.add(new AdminException.Violation(field, "Not a tenant id."));
    }
  }

  private static void checkDisplayName(String field, String name, List<AdminException.Violation> violations) {
    if (name == null || name.isBlank()) {
      violations.add(new AdminException.Violation(field, "Required."));
    } else if (name.strip().codePointCount(0, name.strip().length()) > MAX_DISPLAY_NAME) {
      violations.add(new AdminException.Violation(field, "At most " + MAX_DISPLAY_NAME + " characters."));
    }
  }

  private static void failIfAny(List<AdminException.Violation> violations) {
    if (!violations.isEmpty()) {
      throw new AdminException.InvalidInput(violations);
    }
  }

  private Instant now() {
    // MongoDB keeps milliseconds: use the same precision everywhere so a reply matches what is read back
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** "Café du Port" → "cafe-du-port". */
  static String slug(String displayName) {
    String ascii = Normalizer.normalize(displayName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return slug;
  }

  private String withSuffix(String base) {
    String suffix = secrets.newKeyId().substring(0, 6);
    String head = base.length() > 33 ? base.substring(0, 33).replaceAll("-+$", "") : base;
    return head.isEmpty() ? "t-" + suffix : head + "-" + suffix;
  }

  private static String encodeToken(String lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + lastId).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> decodeToken(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith("after:") && Tenant.isValidId(decoded.substring(6))) {
        return Optional.of(decoded.substring(6));
      }
    } catch (IllegalArgumentException e) {
      // not base64: reported by the caller
    }
    return Optional.empty();
  }
}
