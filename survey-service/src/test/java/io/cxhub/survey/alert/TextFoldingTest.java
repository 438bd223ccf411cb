package io.cxhub.survey.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

  @Test
  void ignoresCaseAndAccents() {
    assertThat(TextFolding.containsKeyword("Livraison EN RETARD, encore !", "livraison en retard")).isTrue();
    assertThat(TextFolding.containsKeyword("Le délai était trop long", "delai")).isTrue();
    assertThat(TextFolding.containsKeyword("Le delai était trop long", "DÉLAI")).isTrue();
    assertThat(TextFolding.containsKeyword("Cœur brisé", "coeur")).isTrue();
  }

  @Test
  void matchesWholeWordsOnly() {
    assertThat(TextFolding.containsKeyword("un retardataire", "retard")).isFalse();
    assertThat(TextFolding.containsKeyword("livraison\nen   retard", "livraison en retard")).isTrue();
    assertThat(TextFolding.containsKeyword("anything", "  !! ")).isFalse();
  }

  @Test
  void foldsToPlainLowercaseWords() {
    assertThat(TextFolding.fold("  Ça a été TRÈS—long… ")).isEqualTo("ca a ete tres long");
  }
}
