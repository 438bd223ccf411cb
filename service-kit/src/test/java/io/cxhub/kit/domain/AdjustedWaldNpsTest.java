package io.cxhub.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdjustedWaldNpsTest {

  private static final double CENT = 0.005;

  /**
   * 25 answers, 15 promoters, 5 passives, 5 detractors (NPS 40). MeasuringU's constants:
   * n' = 25 + 3 = 28, p' = (15 + 0.75) / 28 = 0.562500, d' = (5 + 0.75) / 28 = 0.205357,
   * NPS' = 0.357143, Var = (0.562500 + 0.205357 − 0.357143²) / 28 = 0.022868,
   * half-width = 1.959964 · √0.022868 = 0.296390 → [6.08, 65.35] points around 35.71.
   * The z²/4, z²/2 variant that this replaces gives [6.08, 68.21] around 37.15.
   */
  @Test
  void handWorkedExampleOfTwentyFiveAnswers() {
    var nps = AdjustedWaldNps.of(15, 5, 25);

    assertThat(nps.adjustedNps()).isCloseTo(35.71, within(CENT));
    assertThat(nps.variance()).isCloseTo(228.68, within(CENT));
    assertThat(nps.low()).isCloseTo(6.08, within(CENT));
    assertThat(nps.high()).isCloseTo(65.35, within(CENT));
    assertThat(nps.halfWidth()).isCloseTo(29.64, within(CENT));
  }

  @Test
  void publishedConstants() {
    assertThat(AdjustedWaldNps.N_ADDED).isEqualTo(3.0);
    assertThat(AdjustedWaldNps.PROMOTERS_ADDED).isEqualTo(0.75);
    assertThat(AdjustedWaldNps.DETRACTORS_ADDED).isEqualTo(0.75);
  }

  @Test
  void noAnswersIsTheWholeRange() {
    var nps = AdjustedWaldNps.of(0, 0, 0);
    assertThat(nps.low()).isEqualTo(-100);
    assertThat(nps.high()).isEqualTo(100);
  }

  @Test
  void clippedToTheScale() {
    var nps = AdjustedWaldNps.of(3, 0, 3);
    assertThat(nps.high()).isEqualTo(100);
    assertThat(nps.low()).isGreaterThan(-100);
  }

  @Test
  void refusesCountsThatDoNotAddUp() {
    assertThatThrownBy(() -> AdjustedWaldNps.of(5, 6, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0, DETRACTOR", "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER", "10, PROMOTER"})
  void npsCategoryCutOffs(int score, NpsCategory category) {
    assertThat(NpsCategory.of(score)).isEqualTo(category);
  }

  @Test
  void npsCategoryRefusesScoresOffTheScale() {
    assertThatThrownBy(() -> NpsCategory.of(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NpsCategory.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
