package io.cxhub.kit.id;

import static org.assertj.core.api.Assertions.assertThat;

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
  void idsDoNotRepeat() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(Ids.random())).isTrue();
    }
  }
}
