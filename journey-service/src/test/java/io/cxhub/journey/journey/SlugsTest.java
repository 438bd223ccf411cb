package io.cxhub.journey.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlugsTest {

  @Nested
  class Deriving {

    @Test
    void stripsFrenchAccentsAndLowercases() {
      assertThat(Slugs.of("Après-vente")).isEqualTo("apres-vente");
      assertThat(Slugs.of("Réception à l'entrepôt")).isEqualTo("reception-a-l-entrepot");
      assertThat(Slugs.of("ÉTÉ Noël")).isEqualTo("ete-noel");
    }

    @Test
    void spellsOutLigatures() {
      assertThat(Slugs.of("Cœur de cible")).isEqualTo("coeur-de-cible");
      assertThat(Slugs.of("Straße")).isEqualTo("strasse");
    }

    @Test
    void collapsesRunsOfOtherCharactersIntoOneDash() {
      assertThat(Slugs.of("  Checkout -- page / step_2!  ")).isEqualTo("checkout-page-step-2");
    }

    @Test
    void keepsAtMost64CharactersWithoutATrailingDash() {
      String name = "a".repeat(63) + " b";

      assertThat(Slugs.of(name)).isEqualTo("a".repeat(63));
      assertThat(Slugs.of("x".repeat(100))).hasSize(64);
    }

    @Test
    void isEmptyWhenNothingFoldsToAscii() {
      assertThat(Slugs.of("配送 !!!")).isEmpty();
    }
  }

  @Nested
  class Allocating {

    @Test
    void deDuplicatesWithNumberedSuffixes() {
      var ids = new Slugs.Allocator("stage");

      assertThat(ids.derive("Livraison")).isEqualTo("livraison");
      assertThat(ids.derive("livraison")).isEqualTo("livraison-2");
      assertThat(ids.derive("LIVRAISON!")).isEqualTo("livraison-3");
    }

    @Test
    void neverTakesAReservedId() {
      var ids = new Slugs.Allocator("stage");
      ids.reserve("achat");
      ids.reserve("achat-2");

      assertThat(ids.derive("Achat")).isEqualTo("achat-3");
    }

    @Test
    void shortensTheBaseToFitTheSuffixWithin64Characters() {
      var ids = new Slugs.Allocator("stage");
      String longName = "n".repeat(80);

      assertThat(ids.derive(longName)).isEqualTo("n".repeat(64));
      assertThat(ids.derive(longName)).isEqualTo("n".repeat(62) + "-2");
    }

    @Test
    void fallsBackToTheNamespaceNameWhenANameHasNoSlug() {
      var ids = new Slugs.Allocator("touchpoint");

      assertThat(ids.derive("???")).isEqualTo("touchpoint");
      assertThat(ids.derive("配送")).isEqualTo("touchpoint-2");
    }
  }
}
