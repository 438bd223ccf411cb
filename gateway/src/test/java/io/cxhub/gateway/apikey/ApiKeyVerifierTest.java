package io.cxhub.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.FakeTicker;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

class ApiKeyVerifierTest {

  private static final String SECRET = "cxk_member-secret";

  private final InMemoryApiKeys keys = new InMemoryApiKeys();
  private final FakeTicker ticker = new FakeTicker();
  private final ApiKeyVerifier verifier =
      new ApiKeyVerifier(keys, Duration.ofSeconds(30), 100, ticker, Schedulers.immediate());

  ApiKeyVerifierTest() {
    keys.insert(ApiKey.builder().hash(ApiKeySecrets.hash(SECRET)).tenantId("acme").keyId("k1").role(Role.ANALYST)
        .scopes(Set.of(Scope.READ)).displayName("CRM").secretPrefix("cxk_memb")
        .createTime(Instant.parse("2024-05-01T10:00:00Z")).build());
  }

  @Test
  void recognisesAStoredKey() {
    assertThat(verifier.verify(SECRET).block()).contains(new Caller("acme", "k1", Role.ANALYST, Set.of(Scope.READ), false));
  }

  @Test
  void doesNotRecogniseAnUnknownSecret() {
    assertThat(verifier.verify("cxk_nobody").block()).isEmpty();
  }

  @Test
  void readsTheStoreOncePerTimeToLive() {
    verifier.verify(SECRET).block();
    verifier.verify(SECRET).block();
    assertThat(keys.lookups()).isEqualTo(1);

    ticker.advance(Duration.ofSeconds(31));
    verifier.verify(SECRET).block();

    assertThat(keys.lookups()).isEqualTo(2);
  }

  @Test
  void refusesARevokedKeyAtOnceWhenToldOfTheRevocation() {
    verifier.verify(SECRET).block();

    keys.revoke("acme", "k1", Instant.parse("2024-05-02T10:00:00Z"));
    verifier.revoked(ApiKeySecrets.hash(SECRET));

    assertThat(verifier.verify(SECRET).block()).isEmpty();
  }

  @Test
  void refusesARevokedKeyFromAnotherInstanceOnceTheCacheExpires() {
    verifier.verify(SECRET).block();
    keys.revoke("acme", "k1", Instant.parse("2024-05-02T10:00:00Z"));

    assertThat(verifier.verify(SECRET).block()).isPresent();
    ticker.advance(Duration.ofSeconds(31));
    assertThat(verifier.verify(SECRET).block()).isEmpty();
  }
}
