package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.apikey.KeyRevocationListener;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.tenant.Tenants;
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
 * The admin use cases: tenants and their API keys. Plain Java over the two storage ports.
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
  private final Clock clock;

  public TenantAdministration(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets,
      KeyRevocationListener revocations, Clock clock) {
    this.tenants = tenants;
    this.keys = keys;
    this.secrets = secrets;
    this.revocations = revocations;
    this.clock = clock;
  }

  /**
   * Creates a tenant. An empty id is generated from the display name.
   *
   * @throws AdminException.InvalidInput for a malformed id or display name
   * @throws AdminException.AlreadyExists if a tenant has this id
   */
  public Tenant createTenant(String tenantId, String displayName) {
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
      return tenant;
    }
    String base = slug(displayName);
    for (int attempt = 0; attempt < GENERATED_ID_ATTEMPTS; attempt++) {
      String candidate = attempt == 0 && base.length() >= 3 ? base : withSuffix(base);
      var tenant = new Tenant(candidate, displayName.strip(), now());
      if (tenants.insert(tenant)) {
        return tenant;
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
  public TenantPage listTenants(int pageSize, String pageToken) {
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
   * @throws AdminException.InvalidInput for a malformed tenant id or display name
   * @throws AdminException.NotFound if the tenant does not exist
   */
  public IssuedApiKey issueApiKey(String tenantId, String displayName, Role role) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    checkDisplayName("api_key.display_name", displayName, violations);
    failIfAny(violations);
    requireTenant(tenantId);
    String secret = secrets.newSecret();
    var key = new ApiKey(ApiKeySecrets.hash(secret), tenantId, secrets.newKeyId(), role, displayName.strip(),
        ApiKeySecrets.visiblePrefix(secret), now(), Optional.empty());
    keys.insert(key);
    return new IssuedApiKey(key, secret);
  }

  /** A tenant's keys, revoked ones included. @throws AdminException.NotFound for an unknown tenant */
  public List<ApiKey> listApiKeys(String tenantId) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    failIfAny(violations);
    requireTenant(tenantId);
    return keys.list(tenantId);
  }

  /**
   * Revokes a key at once; revoking it again changes nothing.
   *
   * @throws AdminException.NotFound if the tenant has no such key
   */
  public ApiKey revokeApiKey(String tenantId, String keyId) {
    var violations = new ArrayList<AdminException.Violation>();
    checkTenantId("tenant_id", tenantId, violations);
    if (keyId == null || keyId.isEmpty()) {
      violations.add(new AdminException.Violation("key_id", "Required."));
    }
    failIfAny(violations);
    ApiKey revoked = keys.revoke(tenantId, keyId, now())
        .orElseThrow(() -> new AdminException.NotFound("Tenant '" + tenantId + "' has no API key '" + keyId + "'."));
    revocations.revoked(revoked.hash());
    return revoked;
  }

  private void requireTenant(String tenantId) {
    if (tenants.find(tenantId).isEmpty()) {
      throw new AdminException.NotFound("Tenant '" + tenantId + "' does not exist.");
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
