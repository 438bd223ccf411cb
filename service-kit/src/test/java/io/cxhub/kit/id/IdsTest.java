package io.cxhub.kit.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsCarry128BitsInUrlSafeLowercase() {
    String id = Ids.random();
    assertThat(id).hasSize(26).matches("[a-z2-7]+");
  }

  @Test
  void encodesKnownBytes() {
    // RFC 4648 test vector "foobar" -> MZXW6YTBOI (lowercased, unpadded)
    assertThat(Ids.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
  }

  @Test
  void derivedIdsAreStable() {
    // computed by survey-service's ResponseIds before it delegated here: stored response
    // ids must keep matching their (survey id, idempotency key)
    assertThat(Ids.derived("survey1", "key-1")).isEqualTo("zycgc5qhs3chpwrerac3vzcgdq");
    assertThat(Ids.derived("8vqk2sx3jm4n5p6q7r2s3t4u5v", "order-2025-0001")).isEqualTo("ibgghgs2znfvfh4a5zzxddsk6e");
    assertThat(Ids.derived("", "")).isEqualTo("ny2axhh7wn5jrhffittlw6akfq");
    assertThat(Ids.derived("s", "clé-é")).isEqualTo("q34jwulj2dssg5jaj2gl4nmrbi");
  }

  @Test
  void derivedIdsDependOnWherePartsEnd() {
    assertThat(Ids.derived("ab", "c")).isNotEqualTo(Ids.derived("a", "bc"));
    assertThat(Ids.derived("a", "b")).hasSize(26).matches("[a-z2-7]+");
  }

  @Test
  void idsDoNotRepeat() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(Ids.random())).isTrue();
    }
  }

  @Test
  void tenantScopedKeysStartWithTheTenant() {
    assertThat(Ids.tenantScoped("acme", "rule-1")).isEqualTo("acme:rule-1");
    // the id may hold separators of its own: the tenant ends at the first ':'
    assertThat(Ids.tenantScoped("acme", "a:b")).isEqualTo("acme:a:b");
  }

  @Test
  void tenantScopedKeysRefuseATenantThatWouldBeAmbiguous() {
    assertThatThrownBy(() -> Ids.tenantScoped("ac:me", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.tenantScoped("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.tenantScoped(null, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.tenantScoped("acme", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
