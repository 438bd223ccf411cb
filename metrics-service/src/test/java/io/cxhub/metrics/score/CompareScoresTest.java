package io.cxhub.metrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxhub.metrics.nps.DayRange;
import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The change tests, against values computed independently (by hand and with SciPy 1.17). */
class CompareScoresTest {

  private static Distribution nps(long promoters, long passives, long detractors) {
    var hist = new TreeMap<Integer, Long>();
    hist.put(10, promoters);
    hist.put(7, passives);
    hist.put(0, detractors);
    return new Distribution(0, 10, promoters + passives + detractors, 10 * promoters + 7 * passives,
        100 * promoters + 49 * passives, hist);
  }

  private static Distribution favourable(long yes, long n) {
    var hist = new TreeMap<Integer, Long>();
    hist.put(5, yes);
    hist.put(2, n - yes);
    return new Distribution(1, 5, n, 5 * yes + 2 * (n - yes), 25 * yes + 4 * (n - yes), hist);
  }

  /**
   * A: 50 promoters, 30 passives, 20 detractors (NPS 30); B: 35/30/35 (NPS 0). Adjusted-Wald
   * (n + 3, promoters and detractors + 3/4): NPS'a = 29.13, Va = 59.16; NPS'b = 0.00,
   * Vb = 67.40 (points²). se = √126.55 = 11.25, z = 29.13 / 11.25 = 2.59, p = 0.0096;
   * interval 29.13 ± 1.96 · 11.25 = [7.08, 51.18].
   */
  @Test
  void npsChangeIsSignificantWithAdjustedWaldVariances() {
    var c = CompareScores.nps(Score.of(ScoreKind.NPS, nps(50, 30, 20)), Score.of(ScoreKind.NPS, nps(35, 30, 35)));

    assertThat(c.difference()).isEqualTo(30.0);
    assertThat(c.pValue()).isCloseTo(0.0096, within(0.00005));
    assertThat(c.interval().low()).isCloseTo(7.08, within(0.005));
    assertThat(c.interval().high()).isCloseTo(51.18, within(0.005));
    assertThat(c.significant()).isTrue();
  }

  /** 60/100 vs 45/100: pooled p = 0.525, se = 0.070622, z = 2.1240, p = 0.0337. */
  @Test
  void proportionChangeUsesTwoProportionZTest() {
    var c = CompareScores.proportions(
        Score.of(ScoreKind.CSAT, favourable(60, 100)), Score.of(ScoreKind.CSAT, favourable(45, 100)));

    assertThat(c.difference()).isCloseTo(15.0, within(1e-9));
    assertThat(c.pValue()).isCloseTo(0.0337, within(0.00005));
    assertThat(c.significant()).isTrue();
  }

  /**
   * a = 5 5 4 4 3 2 1 5 4 3 (mean 3.6), b = 5 5 5 4 4 4 5 4 5 5 4 5 (mean 4.583): Welch
   * t = −2.1754, df = 11.18, p = 0.0519 (scipy.stats.ttest_ind(equal_var=False)); interval
   * of the difference [−1.976, 0.010]. Not significant, although the means differ by a point.
   */
  @Test
  void meanChangeUsesWelch() {
    var a = Score.of(ScoreKind.CSAT, Distribution.ofScores(1, 5, 5, 5, 4, 4, 3, 2, 1, 5, 4, 3));
    var b = Score.of(ScoreKind.CSAT, Distribution.ofScores(1, 5, 5, 5, 5, 4, 4, 4, 5, 4, 5, 5, 4, 5));

    var c = CompareScores.means(a, b);

    assertThat(c.difference()).isCloseTo(-0.9833, within(0.00005));
    assertThat(c.pValue()).isCloseTo(0.0519, within(0.00005));
    assertThat(c.interval().low()).isCloseTo(-1.976, within(0.0005));
    assertThat(c.interval().high()).isCloseTo(0.010, within(0.0005));
    assertThat(c.significant()).isFalse();
  }

  @Test
  void previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
    var march = new DayRange(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"));
    assertThat(CompareScores.previous(march))
        .isEqualTo(new DayRange(LocalDate.parse("2025-01-29"), LocalDate.parse("2025-02-28")));
  }
}
