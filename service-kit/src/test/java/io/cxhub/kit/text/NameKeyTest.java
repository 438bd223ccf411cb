package io.cxhub.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

  @Test
  void foldsCaseAccentsAndSpacing() {
    assertThat(NameKey.of("  Élodie   Martin ")).isEqualTo("elodie martin");
    assertThat(NameKey.of("ÉLODIE MARTIN")).isEqualTo(NameKey.of("elodie martin"));
  }

  @Test
  void keepsOtherwiseDifferentNamesApart() {
    assertThat(NameKey.of("Busy parent")).isNotEqualTo(NameKey.of("Busy parents"));
  }
}
