package io.cxhub.journey.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void npsIntervalIsTheAdjustedWaldOneMetricsServiceReports() {
    // the README's ten answers: 5 promoters, 2 passives, 3 detractors → NPS 20, [−34.13, 67.68]
    var nps = Stats.nps(Tally.nps(10, 10, 9, 9, 9, 8, 7, 6, 3, 0));

    assertThat(nps.value()).isEqualTo(20.0);
    assertThat(nps.low()).isCloseTo(-34.13, within(0.01));
    assertThat(nps.high()).isCloseTo(67.68, within(0.01));
    assertThat(nps.lowSample()).isTrue();
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
