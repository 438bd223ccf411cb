package io.cxhub.journey.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void npsIntervalIsTheAdjustedWaldOneMetricsServiceReports() {
    // the README's ten answers: 5 promoters, 2 passives, 3 detractors → NPS 20, [−30.33, 61.10]
    // (MeasuringU's constants: n + 3, promoters and detractors + 3/4)
    var nps = Stats.nps(Tally.nps(10, 10, 9, 9, 9, 8, 7, 6, 3, 0));

    assertThat(nps.value()).isEqualTo(20.0);
    assertThat(nps.low()).isCloseTo(-30.33, within(0.005));
    assertThat(nps.high()).isCloseTo(61.10, within(0.005));
    assertThat(nps.lowSample()).isTrue();
  }

  @Test
  void npsIntervalOfTheHandWorkedExample() {
    // 15 promoters, 5 passives, 5 detractors: n' = 28, NPS' = 35.71, [6.08, 65.35]
    int[] scores = new int[25];
    java.util.Arrays.fill(scores, 0, 15, 9);
    java.util.Arrays.fill(scores, 15, 20, 8);
    java.util.Arrays.fill(scores, 20, 25, 0);
    var nps = Stats.nps(Tally.nps(scores));

    assertThat(nps.value()).isEqualTo(40.0);
    assertThat(nps.low()).isCloseTo(6.08, within(0.005));
    assertThat(nps.high()).isCloseTo(65.35, within(0.005));
  }

  @Test
  void wilsonIntervalOfAShare() {
    var share = Stats.proportion(1, 2);

    assertThat(share.value()).isEqualTo(50.0);
    assertThat(share.low()).isCloseTo(9.45, within(0.01));
    assertThat(share.high()).isCloseTo(90.55, within(0.01));
  }

  @Test
  void satisfactionNormalizesEveryScaleToZeroToHundred() {
    var nps = Tally.nps(10, 0);                                   // 100 and 0
    var csat = new Tally(1, 5, new long[] {0, 0, 0, 0, 2}, 2, 0); // 100, 100

    var s = Stats.satisfaction(List.of(nps, csat));

    assertThat(s.n()).isEqualTo(4);
    assertThat(s.value()).isEqualTo(75.0);
  }

  @Test
  void differenceInDifferencesRemovesACommonTrend() {
    var target = Stats.difference(Stats.nps(Tally.nps(10, 10, 3)), Stats.nps(Tally.nps(10, 3, 3)));
    var comparison = Stats.difference(Stats.nps(Tally.nps(10, 10, 3)), Stats.nps(Tally.nps(10, 3, 3)));

    var did = Stats.differenceInDifferences(target, comparison);

    assertThat(did.value()).isZero();
    assertThat(did.variance()).isCloseTo(2 * target.variance(), within(1e-9));
    assertThat(did.significant()).isFalse();
  }

  @Test
  void requiredSampleGrowsWithTheSquareOfTheSmallerEffect() {
    long ten = Stats.requiredN(10, 5000, 2);
    long five = Stats.requiredN(5, 5000, 2);

    // (1.96 + 0.8416)² × 2 × 5000 / 10² = 784.9
    assertThat(ten).isEqualTo(785);
    assertThat(five).isBetween(4 * ten - 4, 4 * ten);
  }
}
