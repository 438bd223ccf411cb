package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryTenants;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantAdministrationTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456Z");

  private final InMemoryTenants tenants = new InMemoryTenants();
  private final InMemoryApiKeys keys = new InMemoryApiKeys();
  private final List<String> revokedHashes = new ArrayList<>();
  private final TenantAdministration admin = new TenantAdministration(tenants, keys,
      new ApiKeySecrets(new SecureRandom()), revokedHashes::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Nested
  class CreateTenant {

    @Test
    void storesTheTenantWithTheTimeInMilliseconds() {
      var tenant = admin.createTenant("acme", " Acme Corp ");

      assertThat(tenant.displayName()).isEqualTo("Acme Corp");
      assertThat(tenant.createTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
      assertThat(tenants.find("acme")).contains(tenant);
    }

    @Test
    void generatesTheIdFromTheDisplayName() {
      assertThat(admin.createTenant("", "Café du Port").tenantId()).isEqualTo("cafe-du-port");
      assertThat(admin.createTenant("", "Café du Port").tenantId()).matches("cafe-du-port-[0-9a-f]{6}");
      assertThat(admin.createTenant("", "Ω").tenantId()).matches("t-[0-9a-f]{6}");
    }

    @Test
    void rejectsAMalformedIdAndAMissingName() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.createTenant("Acme!", ""));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field)
          .containsExactlyInAnyOrder("tenant.tenant_id", "tenant.display_name");
    }

    @Test
    void rejectsANameLongerThan120Characters() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class,
          () -> admin.createTenant("acme", "x".repeat(121)));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field).containsExactly("tenant.display_name");
      assertThat(admin.createTenant("acme", "é".repeat(120)).displayName()).hasSize(120);
    }

    @Test
    void refusesADuplicate() {
      admin.createTenant("acme", "Acme");

      assertThatThrownBy(() -> admin.createTenant("acme", "Acme again")).isInstanceOf(AdminException.AlreadyExists.class);
    }
  }

  @Nested
  class ListTenants {

    @Test
    void pagesInIdOrder() {
      for (String id : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
        admin.createTenant(id, id);
      }

      var first = admin.listTenants(2, "");
      var second = admin.listTenants(2, first.nextPageToken());
      var last = admin.listTenants(2, second.nextPageToken());

      assertThat(first.tenants()).extracting(t -> t.tenantId()).containsExactly("alpha", "bravo");
      assertThat(second.tenants()).extracting(t -> t.tenantId()).containsExactly("charlie", "delta");
      assertThat(last.tenants()).extracting(t -> t.tenantId()).containsExactly("echo");
      assertThat(last.nextPageToken()).isEmpty();
    }

    @Test
    void rejectsABadTokenAndANegativeSize() {
      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.listTenants(-1, "garbage!"));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field)
          .containsExactlyInAnyOrder("page_size", "page_token");
    }
  }

  @Nested
  class ApiKeys {

    @Test
    void issuesAKeyWhoseSecretIsStoredOnlyAsAHash() {
      admin.createTenant("acme", "Acme");

      IssuedApiKey issued = admin.issueApiKey("acme", "CRM", Role.MEMBER);

      assertThat(issued.secret()).startsWith("cxk_");
      assertThat(issued.key().hash()).isEqualTo(ApiKeySecrets.hash(issued.secret()));
      assertThat(issued.key().secretPrefix()).isEqualTo(issued.secret().substring(0, 12));
      assertThat(keys.all()).singleElement().satisfies(stored -> assertThat(stored.toString()).doesNotContain(issued.secret()));
    }

    @Test
    void refusesAKeyForAnUnknownTenant() {
      assertThatThrownBy(() -> admin.issueApiKey("nobody", "CRM", Role.MEMBER)).isInstanceOf(AdminException.NotFound.class);
    }

    @Test
    void refusesAKeyWithoutName() {
      admin.createTenant("acme", "Acme");

      var invalid = catchThrowableOfType(AdminException.InvalidInput.class, () -> admin.issueApiKey("acme", " ", Role.MEMBER));

      assertThat(invalid.violations()).extracting(AdminException.Violation::field).containsExactly("api_key.display_name");
    }

    @Test
    void revokesAKeyOnceAndTellsTheCache() {
      admin.createTenant("acme", "Acme");
      IssuedApiKey issued = admin.issueApiKey("acme", "CRM", Role.ADMIN);

      var revoked = admin.revokeApiKey("acme", issued.key().keyId());
      var again = admin.revokeApiKey("acme", issued.key().keyId());

      assertThat(revoked.revokeTime()).contains(Instant.parse("2024-05-01T10:00:00.123Z"));
      assertThat(again.revokeTime()).isEqualTo(revoked.revokeTime());
      assertThat(revokedHashes).contains(issued.key().hash());
      assertThat(admin.listApiKeys("acme")).singleElement().satisfies(key -> assertThat(key.revoked()).isTrue());
    }

    @Test
    void refusesToRevokeAnotherTenantsKey() {
      admin.createTenant("acme", "Acme");
      admin.createTenant("globex", "Globex");
      IssuedApiKey issued = admin.issueApiKey("acme", "CRM", Role.MEMBER);

      assertThatThrownBy(() -> admin.revokeApiKey("globex", issued.key().keyId()))
          .isInstanceOf(AdminException.NotFound.class);
    }
  }
}
