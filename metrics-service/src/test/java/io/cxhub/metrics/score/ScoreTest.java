package io.cxhub.metrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked examples of every score and interval, to two decimals. */
class ScoreTest {

  private static final double CENT = 0.005;

  /**
   * Answers 10, 10, 9, 9, 9, 8, 7, 6, 3, 0: P = 5, passives 2, D = 3, n = 10, NPS = 20.
   * Adjusted-Wald with MeasuringU's constants: n' = 13, p' = 5.75 / 13 = 0.442308,
   * d' = 3.75 / 13 = 0.288462, NPS' = 0.153846, Var = (0.442308 + 0.288462 − 0.153846²) / 13
   * = 0.054392, half-width = 1.959964 · √0.054392 = 0.457106 → interval [−30.33, 61.10] points.
   */
  @Test
  void npsOfTenAnswersWithItsAdjustedWaldInterval() {
    var score = Score.of(ScoreKind.NPS, Distribution.ofScores(0, 10, 10, 10, 9, 9, 9, 8, 7, 6, 3, 0));

    assertThat(score.n()).isEqualTo(10);
    assertThat(score.value()).isEqualTo(20.0);
    assertThat(score.favourable()).isEqualTo(5);
    assertThat(score.passives()).isEqualTo(2);
    assertThat(score.unfavourable()).isEqualTo(3);
    assertThat(score.adjustedNps().adjustedNps()).isCloseTo(15.38, within(CENT));
    assertThat(score.interval().low()).isCloseTo(-30.33, within(CENT));
    assertThat(score.interval().high()).isCloseTo(61.10, within(CENT));
    assertThat(score.marginOfError()).isCloseTo(45.71, within(CENT));
    assertThat(score.lowSample()).isTrue();
    assertThat(score.definition().id()).isEqualTo("nps");
    assertThat(score.distribution().histogram()).containsEntry(9, 3L).containsEntry(0, 1L);
  }

  /**
   * 25 answers: 15 promoters, 5 passives, 5 detractors (NPS 40). n' = 28, NPS' = 35.71,
   * interval [6.08, 65.35]; the definition names the method and its constants.
   */
  @Test
  void npsIntervalUsesMeasuringUConstantsAndSaysSo() {
    int[] scores = new int[25];
    java.util.Arrays.fill(scores, 0, 15, 10);
    java.util.Arrays.fill(scores, 15, 20, 7);
    java.util.Arrays.fill(scores, 20, 25, 2);
    var score = Score.of(ScoreKind.NPS, Distribution.ofScores(0, 10, scores));

    assertThat(score.value()).isEqualTo(40.0);
    assertThat(score.adjustedNps().adjustedNps()).isCloseTo(35.71, within(CENT));
    assertThat(score.interval().low()).isCloseTo(6.08, within(CENT));
    assertThat(score.interval().high()).isCloseTo(65.35, within(CENT));
    assertThat(score.definition().version()).isEqualTo(2);
    assertThat(score.definition().intervalMethod()).startsWith("adjusted-wald");
    assertThat(score.definition().intervalConstants())
        .containsEntry("n_added", 3.0)
        .containsEntry("promoters_added", 0.75)
        .containsEntry("detractors_added", 0.75);
  }

  @Test
  void largeTightSampleIsNotFlaggedLow() {
    int[] scores = new int[2000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i % 2 == 0 ? 10 : 8;
    }
    var score = Score.of(ScoreKind.NPS, Distribution.ofScores(0, 10, scores));
    assertThat(score.value()).isEqualTo(50.0);
    assertThat(score.marginOfError()).isLessThan(10);
    assertThat(score.lowSample()).isFalse();
  }

  @Test
  void nIsAtLeastThirtyBeforeAScoreIsTrusted() {
    int[] scores = new int[29];
    java.util.Arrays.fill(scores, 10);
    // margin below 10 points but n = 29: still flagged
    var score = Score.of(ScoreKind.NPS, Distribution.ofScores(0, 10, scores));
    assertThat(score.lowSample()).isTrue();
  }

  /**
   * Wilson score intervals of Newcombe (1998), "Two-sided confidence intervals for the
   * single proportion", Statistics in Medicine 17:857-872, Table I, method 3, also quoted
   * on Wikipedia's "Binomial proportion confidence interval".
   */
  @ParameterizedTest(name = "{0}/{1} → [{2}, {3}]")
  @CsvSource({
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718"})
  void wilsonIntervalsMatchNewcombe(long x, long n, double low, double high) {
    var interval = Statistics.wilson(x, n);
    assertThat(interval.low() / 100).isCloseTo(low, within(0.00005));
    assertThat(interval.high() / 100).isCloseTo(high, within(0.00005));
  }

  /**
   * CSAT on 1-5, answers 5 5 4 4 3 2 1 5 4 3: top-2-box (4-5) = 6 of 10 = 60%; Wilson
   * [31.27, 83.18]. Mean 36/10 = 3.6, s = √(16.4/9) = 1.349897, t(0.975, 9) = 2.262157,
   * half = 2.262157 · 1.349897 / √10 = 0.965658 → [2.63, 4.57].
   */
  @Test
  void csatOnFivePointScale() {
    var score = Score.of(ScoreKind.CSAT, Distribution.ofScores(1, 5, 5, 5, 4, 4, 3, 2, 1, 5, 4, 3));

    assertThat(score.value()).isEqualTo(60.0);
    assertThat(score.favourable()).isEqualTo(6);
    assertThat(score.interval().low()).isCloseTo(31.27, within(CENT));
    assertThat(score.interval().high()).isCloseTo(83.18, within(CENT));
    assertThat(score.mean()).isEqualTo(3.6);
    assertThat(score.meanInterval().low()).isCloseTo(2.63, within(CENT));
    assertThat(score.meanInterval().high()).isCloseTo(4.57, within(CENT));
    assertThat(score.definition().id()).isEqualTo("csat");
  }

  /** A 1-7 CSAT question: top-2-box is 6-7. Answers 7 6 5 4: 2 of 4 = 50%. */
  @Test
  void csatTopTwoBoxFollowsTheScale() {
    var score = Score.of(ScoreKind.CSAT, Distribution.ofScores(1, 7, 7, 6, 5, 4));
    assertThat(score.value()).isEqualTo(50.0);
  }

  /**
   * CES on 1-7, answers 7 6 5 5 4 3 2 7 1 6: easy (5-7) = 6 of 10 = 60%. Mean 46/10 = 4.6,
   * s = √(38.4/9) = 2.065591, half = 2.262157 · 2.065591 / √10 = 1.477635 → [3.12, 6.08].
   */
  @Test
  void cesOnSevenPointScale() {
    var score = Score.of(ScoreKind.CES, Distribution.ofScores(1, 7, 7, 6, 5, 5, 4, 3, 2, 7, 1, 6));

    assertThat(score.value()).isEqualTo(60.0);
    assertThat(score.interval().low()).isCloseTo(31.27, within(CENT));
    assertThat(score.mean()).isEqualTo(4.6);
    assertThat(score.meanInterval().low()).isCloseTo(3.12, within(CENT));
    assertThat(score.meanInterval().high()).isCloseTo(6.08, within(CENT));
  }

  /** CES on 1-5, answers 5 4 4 3 2 1 5 3 4 5: easy (4-5) = 6 of 10 = 60%, mean 3.6. */
  @Test
  void cesOnFivePointScale() {
    var score = Score.of(ScoreKind.CES, Distribution.ofScores(1, 5, 5, 4, 4, 3, 2, 1, 5, 3, 4, 5));

    assertThat(score.value()).isEqualTo(60.0);
    assertThat(score.favourable()).isEqualTo(6);
    assertThat(score.mean()).isEqualTo(3.6);
  }

  @Test
  void emptySliceHasNoValueButSaysSo() {
    var score = Score.of(ScoreKind.CSAT, Distribution.empty(1, 5));
    assertThat(score.n()).isZero();
    assertThat(score.value()).isZero();
    assertThat(score.lowSample()).isTrue();
    assertThat(score.meanInterval()).isNull();
    assertThat(score.interval()).isEqualTo(new Interval(0, 100));
  }
}
