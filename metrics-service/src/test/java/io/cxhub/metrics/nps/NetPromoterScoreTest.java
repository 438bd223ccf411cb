package io.cxhub.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetPromoterScoreTest {

  @Test
  void computesTheWorkedExample() {
    var nps = NetPromoterScore.ofScores(10, 10, 9, 9, 9, 8, 7, 6, 3, 0);
    assertThat(nps.promoters()).isEqualTo(5);
    assertThat(nps.passives()).isEqualTo(2);
    assertThat(nps.detractors()).isEqualTo(3);
    assertThat(nps.n()).isEqualTo(10);
    assertThat(nps.score()).isEqualTo(20.0);
  }

  @Test
  void noAnswersScoreZero() {
    assertThat(NetPromoterScore.NONE.n()).isZero();
    assertThat(NetPromoterScore.NONE.score()).isZero();
  }

  @Test
  void staysWithinMinusAndPlusHundred() {
    assertThat(NetPromoterScore.ofScores(10, 9).score()).isEqualTo(100.0);
    assertThat(NetPromoterScore.ofScores(0, 6).score()).isEqualTo(-100.0);
    assertThat(NetPromoterScore.ofScores(7, 8).score()).isZero();
  }

  @Test
  void keepsFractions() {
    assertThat(NetPromoterScore.ofScores(10, 7, 7).score()).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void sumsCounts() {
    var total = new NetPromoterScore(1, 2, 3).plus(new NetPromoterScore(4, 5, 6));
    assertThat(total).isEqualTo(new NetPromoterScore(5, 7, 9));
  }

  @Test
  void refusesScoresOutsideZeroToTen() {
    // the cut-offs are the kit's NpsCategory (AdjustedWaldNpsTest tests them)
    assertThatThrownBy(() -> NetPromoterScore.ofScores(9, 11)).isInstanceOf(IllegalArgumentException.class);
  }
}
