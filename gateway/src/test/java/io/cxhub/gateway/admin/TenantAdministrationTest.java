package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.audit.AuditEvent;
import io.cxhub.gateway.audit.AuditEventType;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryAuditLog;
import io.cxhub.gateway.testing.InMemoryTenants;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.gateway.testing.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantAdministrationTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456Z");

  private final InMemoryTenants tenants = new InMemoryTenants();
  private final InMemoryApiKeys keys = new InMemoryApiKeys();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MutableClock clock = new MutableClock(NOW);
  private final List<String> revokedHashes = new ArrayList<>();
  private final TenantAdministration admin = new TenantAdministration(tenants, keys,
      new ApiKeySecrets(new SecureRandom()), revokedHashes::add, audit, clock);
  private final AuditEvent.Origin origin = new AuditEvent.Origin("203.0.113.7", "req-1");
  private final Actor platform = actor(TestKeys.platform("cxk_platform", Tenant.DEFAULT_ID));

  private Actor actor(ApiKey key) {
    keys.insertIfAbsent(key);
    return new Actor(key, origin);
  }

  private Actor adminOf(String tenantId, Set<Scope> scopes) {
    return actor(TestKeys.key("cxk_admin_" + tenantId + scopes.size(), tenantId, Role.ADMIN, scopes));
  }

  private static NewApiKey newKey(String name, Role role, Set<Scope> scopes) {
    return new NewApiKey(name, Optional.of(role), scopes, false);
  }

  private static final NewApiKey MEMBER = newKey("CRM", Role.ANALYST, Scope.all());

  @Nested
  class CreateTenant {

    @Test
    void storesTheTenantWithTheTimeInMilliseconds() {
      var tenant = admin.createTenant(platform, "acme", " Acme Corp ");

      assertThat(tenant.displayName()).isEqualTo("Acme Corp");
      assertThat(tenant.createTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
      assertThat(tenants.find("acme")).contains(tenant);
    }

    @Test
    void generatesTheIdFromTheDisplayName() {
      assertThat(admin.createTenant(platform, "", "Café du Port").tenantId()).isEqualTo("cafe-du-port");
      assertThat(admin.createTenant(platform, "", "Café du Port").tenantId()).matches("cafe-du-port-[0-9a-f]{6}");
      assertThat(admin.createTenant(platform, "", "Ω").tenantId()).matches("t-[0-9a-f]{6}");
    }

    @Test
    void rejectsAMalformedIdAndAMissingName() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.createTenant(platform, "Acme!", ""));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field)
          .containsExactlyInAnyOrder("tenant.tenant_id", "tenant.display_name");
    }

    @Test
    void rejectsANameLongerThan120Characters() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class,
          () -> admin.createTenant(platform, "acme", "x".repeat(121)));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field).containsExactly("tenant.display_name");
      assertThat(admin.createTenant(platform, "acme", "é".repeat(120)).displayName()).hasSize(120);
    }

    @Test
    void refusesADuplicate() {
      admin.createTenant(platform, "acme", "Acme");

      assertThatThrownBy(() -> admin.createTenant(platform, "acme", "Acme again")).isInstanceOf(AdminException.AlreadyExists.class);
    }
  }

  @Nested
  class ListTenants {

    @Test
    void pagesInIdOrder() {
      for (String id : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
        admin.createTenant(platform, id, id);
      }

      var first = admin.listTenants(platform, 2, "");
      var second = admin.listTenants(platform, 2, first.nextPageToken());
      var last = admin.listTenants(platform, 2, second.nextPageToken());

      assertThat(first.tenants()).extracting(t -> t.tenantId()).containsExactly("alpha", "bravo");
      assertThat(second.tenants()).extracting(t -> t.tenantId()).containsExactly("charlie", "delta");
      assertThat(last.tenants()).extracting(t -> t.tenantId()).containsExactly("echo");
      assertThat(last.nextPageToken()).isEmpty();
    }

    @Test
    void rejectsABadTokenAndANegativeSize() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.listTenants(platform, -1, "garbage!"));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field)
          .containsExactlyInAnyOrder("page_size", "page_token");
    }
  }

  @Nested
  class ApiKeys {

    @Test
    void issuesAKeyWhoseSecretIsStoredOnlyAsAHash() {
      admin.createTenant(platform, "acme", "Acme");

      IssuedApiKey issued = admin.issueApiKey(platform, "acme", MEMBER);

      assertThat(issued.secret()).startsWith("cxk_");
      assertThat(issued.key().hash()).isEqualTo(ApiKeySecrets.hash(issued.secret()));
      assertThat(issued.key().secretPrefix()).isEqualTo(issued.secret().substring(0, 12));
      assertThat(keys.list("acme")).singleElement().satisfies(stored -> assertThat(stored.toString()).doesNotContain(issued.secret()));
    }

    @Test
    void refusesAKeyForAnUnknownTenant() {
      assertThatThrownBy(() -> admin.issueApiKey(platform, "nobody", MEMBER)).isInstanceOf(AdminException.NotFound.class);
    }

    @Test
    void refusesAKeyWithoutName() {
      admin.createTenant(platform, "acme", "Acme");

      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.issueApiKey(platform, "acme", newKey(" ", Role.VIEWER, Set.of(Scope.READ))));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field).containsExactly("api_key.display_name");
    }

    @Test
    void revokesAKeyOnceAndTellsTheCache() {
      admin.createTenant(platform, "acme", "Acme");
      IssuedApiKey issued = admin.issueApiKey(platform, "acme", newKey("CRM", Role.ADMIN, Scope.all()));

      var revoked = admin.revokeApiKey(platform, "acme", issued.key().keyId());
      var again = admin.revokeApiKey(platform, "acme", issued.key().keyId());

      assertThat(revoked.revokeTime()).contains(Instant.parse("2024-05-01T10:00:00.123Z"));
      assertThat(again.revokeTime()).isEqualTo(revoked.revokeTime());
      assertThat(revokedHashes).contains(issued.key().hash());
      assertThat(admin.listApiKeys(platform, "acme")).singleElement().satisfies(key -> assertThat(key.revoked()).isTrue());
    }

    @Test
    void refusesToRevokeAnotherTenantsKey() {
      admin.createTenant(platform, "acme", "Acme");
      admin.createTenant(platform, "globex", "Globex");
      IssuedApiKey issued = admin.issueApiKey(platform, "acme", MEMBER);

      assertThatThrownBy(() -> admin.revokeApiKey(platform, "globex", issued.key().keyId()))
          .isInstanceOf(AdminException.NotFound.class);
    }
  }

  @Nested
  class TenantAdmins {

    @Test
    void manageOnlyTheirOwnTenantAndAnyOtherLooksMissing() {
      admin.createTenant(platform, "acme", "Acme");
      Actor acmeAdmin = adminOf("acme", Scope.all());

      var other = catchThrowableOfType(AdminException.NotFound.class,
          () -> admin.issueApiKey(acmeAdmin, Tenant.DEFAULT_ID, newKey("x", Role.ADMIN, Scope.all())));
      var missing = catchThrowableOfType(AdminException.NotFound.class,
          () -> admin.issueApiKey(platform, "nobody", newKey("x", Role.ADMIN, Scope.all())));

      assertThat(other.getMessage()).isEqualTo(Tenant.notFoundMessage(Tenant.DEFAULT_ID));
      assertThat(missing.getMessage()).isEqualTo(Tenant.notFoundMessage("nobody"));
      assertThatThrownBy(() -> admin.listApiKeys(acmeAdmin, Tenant.DEFAULT_ID)).isInstanceOf(AdminException.NotFound.class);
      assertThatThrownBy(() -> admin.listAuditEvents(acmeAdmin, Tenant.DEFAULT_ID, Optional.empty(), 0, ""))
          .isInstanceOf(AdminException.NotFound.class);
      assertThat(admin.issueApiKey(acmeAdmin, "acme", newKey("BI", Role.VIEWER, Set.of(Scope.READ))).key().tenantId())
          .isEqualTo("acme");
    }

    @Test
    void mayNotCreateNorListTenants() {
      Actor acmeAdmin = adminOf("acme", Scope.all());

      assertThatThrownBy(() -> admin.createTenant(acmeAdmin, "evil", "Evil")).isInstanceOf(AdminException.PermissionDenied.class);
      assertThatThrownBy(() -> admin.listTenants(acmeAdmin, 0, "")).isInstanceOf(AdminException.PermissionDenied.class);
    }

    @Test
    void issueOnlyScopesTheirKeyCarriesAndNoPlatformKey() {
      admin.createTenant(platform, "acme", "Acme");
      Actor readWrite = adminOf("acme", Set.of(Scope.READ, Scope.WRITE));

      var scope = catchThrowableOfType(AdminException.PermissionDenied.class,
          () -> admin.issueApiKey(readWrite, "acme", newKey("ETL", Role.ANALYST, Set.of(Scope.INGEST))));
      var platformKey = catchThrowableOfType(AdminException.PermissionDenied.class,
          () -> admin.issueApiKey(readWrite, "acme", new NewApiKey("op", Optional.of(Role.ADMIN), Set.of(Scope.READ), true)));

      assertThat(scope.getMessage()).contains("SCOPE_INGEST");
      assertThat(platformKey.getMessage()).contains("platform operator");
      assertThat(keys.list("acme")).extracting(ApiKey::displayName).doesNotContain("ETL", "op");
    }

    @Test
    void issueOnlyTheirRoleOrBelow() {
      admin.createTenant(platform, "acme", "Acme");
      Actor analyst = actor(TestKeys.key("cxk_analyst", "acme", Role.ANALYST, Scope.all()));

      // the gateway refuses an analyst at CreateApiKey already; the use case holds the line too
      assertThatThrownBy(() -> admin.issueApiKey(analyst, "acme", newKey("x", Role.ADMIN, Scope.all())))
          .isInstanceOf(AdminException.PermissionDenied.class);
    }

    @Test
    void mayNotRevokeThePlatformOperatorsKey() {
      Actor defaultAdmin = adminOf(Tenant.DEFAULT_ID, Scope.all());
      tenants.insert(new Tenant(Tenant.DEFAULT_ID, "Default", NOW));

      assertThatThrownBy(() -> admin.revokeApiKey(defaultAdmin, Tenant.DEFAULT_ID, platform.key().keyId()))
          .isInstanceOf(AdminException.PermissionDenied.class);
      assertThat(keys.find(Tenant.DEFAULT_ID, platform.key().keyId()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void aRevokedKeyCannotAct() {
      keys.insert(TestKeys.key("cxk_gone", "acme", Role.ADMIN, Scope.all()));
      keys.revoke("acme", "k-cxkgone", NOW);

      assertThatThrownBy(() -> admin.actor("acme", "k-cxkgone", origin)).isInstanceOf(AdminException.Unauthenticated.class);
      assertThatThrownBy(() -> admin.actor("acme", "k-unknown", origin)).isInstanceOf(AdminException.Unauthenticated.class);
    }
  }

  @Nested
  class AuditLog {

    @Test
    void recordsWhoCreatedAndRevokedKeysWhenAndFromWhere() {
      admin.createTenant(platform, "acme", "Acme");
      Actor acmeAdmin = adminOf("acme", Scope.all());
      clock.advance(Duration.ofMinutes(1));
      IssuedApiKey issued = admin.issueApiKey(acmeAdmin, "acme", newKey("BI", Role.VIEWER, Set.of(Scope.READ)));
      clock.advance(Duration.ofMinutes(1));
      admin.revokeApiKey(acmeAdmin, "acme", issued.key().keyId());
      clock.advance(Duration.ofMinutes(1));
      admin.revokeApiKey(acmeAdmin, "acme", issued.key().keyId());

      var page = admin.listAuditEvents(acmeAdmin, "acme", Optional.empty(), 0, "");

      assertThat(page.events()).extracting(AuditEvent::type).containsExactly(
          AuditEventType.API_KEY_REVOKED, AuditEventType.API_KEY_CREATED, AuditEventType.TENANT_CREATED);
      AuditEvent created = page.events().get(1);
      assertThat(created.actor().keyId()).isEqualTo(acmeAdmin.key().keyId());
      assertThat(created.actor().displayName()).isEqualTo(acmeAdmin.key().displayName());
      assertThat(created.eventTime()).isEqualTo(Instant.parse("2024-05-01T10:01:00.123Z"));
      assertThat(created.clientAddress()).isEqualTo("203.0.113.7");
      assertThat(created.apiKey().orElseThrow().keyId()).isEqualTo(issued.key().keyId());
      assertThat(created.apiKey().orElseThrow().role()).isEqualTo(Role.VIEWER);
      assertThat(page.events().get(2).actor().platformOperator()).isTrue();
      assertThat(audit.all().toString()).doesNotContain(issued.secret());
    }

    @Test
    void pagesNewestFirstAndRefusesATokenOfAnotherFilter() {
      admin.createTenant(platform, "acme", "Acme");
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        admin.issueApiKey(platform, "acme", newKey("k" + i, Role.VIEWER, Set.of(Scope.READ)));
      }

      var first = admin.listAuditEvents(platform, "acme", Optional.of(AuditEventType.API_KEY_CREATED), 2, "");
      var second = admin.listAuditEvents(platform, "acme", Optional.of(AuditEventType.API_KEY_CREATED), 2,
          first.nextPageToken());
      var reused = catchThrowableOfType(AdminException.InvalidInput.class,
          () -> admin.listAuditEvents(platform, "acme", Optional.empty(), 2, first.nextPageToken()));

      assertThat(first.events()).hasSize(2);
      assertThat(second.events()).hasSize(2);
      assertThat(first.events().get(1).eventId()).isGreaterThan(second.events().get(0).eventId());
      assertThat(reused.violations()).extracting(AdminException.Violation::field).containsExactly("page_token");
    }
  }
}
