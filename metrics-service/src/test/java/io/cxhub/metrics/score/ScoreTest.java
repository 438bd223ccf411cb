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
   * Adjusted-Wald with z = 1.959964, z² = 3.841459: z²/4 = 0.960365, z²/2 = 1.920729,
   * n' = 11.920729, p' = 5.960365 / 11.920729 = 0.500000, d' = 3.960365 / 11.920729 = 0.332225,
   * NPS' = 0.167775, Var = (0.500000 + 0.332225 − 0.167775²) / 11.920729 = 0.067452,
   * half-width = 1.959964 · √0.067452 = 0.509033 → interval [−34.13, 67.68] points.
   */
  @Test
  void npsOfTenAnswersWithItsAdjustedWaldInterval() {
    var score = Score.of(ScoreKind.NPS, Distribution.ofScores(0, 10, 10, 10, 9, 9, 9, 8, 7, 6, 3, 0));

    assertThat(score.n()).isEqualTo(10);
    assertThat(score.value()).isEqualTo(20.0);
    assertThat(score.favourable()).isEqualTo(5);
    assertThat(score.passives()).isEqualTo(2);
    assertThat(score.unfavourable()).isEqualTo(3);
    assertThat(score.adjustedNps().adjustedNps()).isCloseTo(16.78, within(CENT));
    assertThat(score.interval().low()).isCloseTo(-34.13, within(CENT));
    assertThat(score.interval().high()).isCloseTo(67.68, within(CENT));
    assertThat(score.marginOfError()).isCloseTo(50.90, within(CENT));
    assertThat(score.lowSample()).isTrue();
    assertThat(score.definition().id()).isEqualTo("nps");
    assertThat(score.distribution().histogram()).containsEntry(9, 3L).containsEntry(0, 1L);
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
