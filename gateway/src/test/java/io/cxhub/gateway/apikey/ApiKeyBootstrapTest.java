package io.cxhub.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryTenants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyBootstrapTest {

  private final InMemoryTenants tenants = new InMemoryTenants();
  private final InMemoryApiKeys keys = new InMemoryApiKeys();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ApiKeyBootstrap bootstrap = new ApiKeyBootstrap(tenants, keys, new ApiKeySecrets(new SecureRandom()),
      Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC),
      new PrintStream(stdout, true, StandardCharsets.UTF_8));

  @Test
  void createsTheDefaultTenant() {
    bootstrap.run(Optional.empty());

    assertThat(tenants.find("default")).get().extracting(t -> t.displayName()).isEqualTo("Default");
  }

  @Test
  void generatesAnAdminKeyOnTheFirstStartAndPrintsItOnce() {
    BootstrapApiKey first = bootstrap.run(Optional.empty());

    assertThat(first.fromEnvironment()).isFalse();
    String secret = first.generatedSecret().orElseThrow();
    assertThat(printed()).contains(secret);
    ApiKey stored = keys.findByHash(ApiKeySecrets.hash(secret)).orElseThrow();
    assertThat(stored.tenantId()).isEqualTo("default");
    assertThat(stored.role()).isEqualTo(Role.ADMIN);
    assertThat(keys.all()).noneMatch(key -> key.hash().equals(secret) || key.displayName().contains(secret));

    stdout.reset();
    BootstrapApiKey second = bootstrap.run(Optional.empty());

    assertThat(second.generatedSecret()).isEmpty();
    assertThat(printed()).doesNotContain(secret).contains("shown at first start", "CX_BOOTSTRAP_API_KEY");
    assertThat(keys.all()).hasSize(1);
  }

  @Test
  void installsTheConfiguredKeyAsAnAdminKeyIdempotently() {
    String configured = "cxk_configured-by-the-operator-0123456789";

    BootstrapApiKey result = bootstrap.run(Optional.of(configured));
    bootstrap.run(Optional.of(configured));

    assertThat(result).isEqualTo(new BootstrapApiKey(Optional.empty(), true));
    assertThat(keys.all()).singleElement().satisfies(key -> {
      assertThat(key.hash()).isEqualTo(ApiKeySecrets.hash(configured));
      assertThat(key.role()).isEqualTo(Role.ADMIN);
      assertThat(key.tenantId()).isEqualTo("default");
    });
    assertThat(printed()).doesNotContain(configured);
  }

  @Test
  void neverShowsTheSecretInItsDescription() {
    assertThat(bootstrap.run(Optional.empty()).toString()).doesNotContain("cxk_");
  }

  private String printed() {
    return stdout.toString(StandardCharsets.UTF_8);
  }
}
