package io.cxhub.gateway.apikey;

import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.tenant.Tenants;
import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a fresh installation can be administered: tenant {@code default} exists, and
 * so does the bootstrap key: the platform operator's key, which is also an admin key of
 * {@code default} with every scope.
 *
 * <ul>
 *   <li>With a configured key ({@code CX_BOOTSTRAP_API_KEY}), that key is stored (by its
 *       hash, idempotently) as an admin key of {@code default}.</li>
 *   <li>Without one, the first start generates a key and prints it once to standard
 *       output; only its hash is stored, so later starts can only say that it was shown.</li>
 * </ul>
 */
public final class ApiKeyBootstrap {

  /** Key id of the generated bootstrap key; unique per tenant, so it is generated once. */
  static final String GENERATED_KEY_ID = "bootstrap";
  /** Key ids of configured bootstrap keys start with this, then 8 hex digits of the hash. */
  static final String CONFIGURED_KEY_ID_PREFIX = "bootstrap-env-";

  private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

  private final Tenants tenants;
  private final ApiKeys keys;
  private final ApiKeySecrets secrets;
  private final Clock clock;
  private final PrintStream out;

  public ApiKeyBootstrap(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets, Clock clock, PrintStream out) {
    this.tenants = tenants;
    this.keys = keys;
    this.secrets = secrets;
    this.clock = clock;
    this.out = out;
  }

  public BootstrapApiKey run(Optional<String> configuredSecret) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (tenants.insert(new Tenant(Tenant.DEFAULT_ID, "Default", now))) {
      log.info("bootstrap tenant created tenant={}", Tenant.DEFAULT_ID);
    }
    if (configuredSecret.isPresent()) {
      installConfigured(configuredSecret.get());
      return new BootstrapApiKey(Optional.empty(), true);
    }
    if (keys.find(Tenant.DEFAULT_ID, GENERATED_KEY_ID).isPresent()) {
      alreadyShown();
      return new BootstrapApiKey(Optional.empty(), false);
    }
    String secret = secrets.newSecret();
    var key = bootstrapKey(secret, GENERATED_KEY_ID, "Bootstrap admin key", now);
    try {
      keys.insert(key);
    } catch (ApiKeys.DuplicateApiKeyException raced) {
      // another gateway instance generated it at the same moment and printed it
      alreadyShown();
      return new BootstrapApiKey(Optional.empty(), false);
    }
    printOnce(secret);
    // the secret goes to standard output only: log lines are often shipped and kept
    log.warn("generated the bootstrap admin API key of tenant '{}' (key id {}, starts with {}); "
        + "it is printed once on standard output", Tenant.DEFAULT_ID, GENERATED_KEY_ID, key.secretPrefix());
    return new BootstrapApiKey(Optional.of(secret), false);
  }

  private void installConfigured(String secret) {
    String hash = ApiKeySecrets.hash(secret);
    Optional<ApiKey> existing = keys.findByHash(hash);
    if (existing.isPresent()) {
      ApiKey key = existing.get();
      if (key.revoked() || !key.platformOperator() || !key.tenantId().equals(Tenant.DEFAULT_ID)) {
        log.warn("the configured bootstrap API key (CX_BOOTSTRAP_API_KEY) is stored as key {} of tenant '{}' "
            + "with role {}{}{}; it is left as it is", key.keyId(), key.tenantId(), key.role(),
            key.platformOperator() ? ", platform operator" : "", key.revoked() ? ", revoked" : "");
      }
      return;
    }
    if (secret.length() < 32) {
      log.warn("the configured bootstrap API key is short ({} characters); use a long random secret", secret.length());
    }
    var key = bootstrapKey(secret, CONFIGURED_KEY_ID_PREFIX + hash.substring(0, 8),
        "Bootstrap admin key (CX_BOOTSTRAP_API_KEY)", clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (keys.insertIfAbsent(key)) {
      log.info("installed the configured bootstrap admin API key of tenant '{}' (key id {})",
          Tenant.DEFAULT_ID, key.keyId());
    }
  }

  private static ApiKey bootstrapKey(String secret, String keyId, String displayName, java.time.Instant now) {
    return ApiKey.builder()
        .hash(ApiKeySecrets.hash(secret))
        .tenantId(Tenant.DEFAULT_ID)
        .keyId(keyId)
        .role(Role.ADMIN)
        .scopes(Scope.all())
        .platformOperator(true)
        .displayName(displayName)
        .secretPrefix(ApiKeySecrets.visiblePrefix(secret))
        .createTime(now)
        .build();
  }

  /**
   * Whether a key id is one the bootstrap gives (generated or configured) in tenant
   * {@code default}; key ids of issued keys are random hex, so they never match.
   */
  public static boolean isBootstrapKeyId(String tenantId, String keyId) {
    return Tenant.DEFAULT_ID.equals(tenantId) && keyId != null
        && (keyId.equals(GENERATED_KEY_ID) || keyId.startsWith(CONFIGURED_KEY_ID_PREFIX));
  }

  private void alreadyShown() {
    String line = "CX Hub gateway: the bootstrap admin API key was shown at first start. "
        + "Set CX_BOOTSTRAP_API_KEY to choose one.";
    out.println(line);
    log.info(line);
  }

  private void printOnce(String secret) {
    String rule = "=".repeat(78);
    out.println(rule);
    out.println(" CX Hub bootstrap API key (platform operator; admin of tenant 'default'). It is shown ONLY ONCE:");
    out.println();
    out.println("   " + secret);
    out.println();
    out.println(" Use it as:  Authorization: Bearer <key>");
    out.println(" Only its hash is stored. Set CX_BOOTSTRAP_API_KEY to choose the key yourself.");
    out.println(rule);
    out.flush();
  }
}
