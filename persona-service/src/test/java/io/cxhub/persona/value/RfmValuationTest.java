package io.cxhub.persona.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.persona.customer.ValueTier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmValuationTest {

  static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");

  static RfmValuation.History buyer(String id, int daysAgo, int orders, double spent) {
    Instant last = NOW.minus(Duration.ofDays(daysAgo));
    return new RfmValuation.History(id, orders, spent, last, last);
  }

  /**
   * Worked by hand. Days since last order 2, 10, 40, 200, 400 give R 5, 4, 3, 2, 1 (customers
   * strictly less recent: 4, 3, 2, 1, 0 of 5). Orders 10, 5, 3, 8, 1 give F 5, 3, 2, 4, 1 (fewer
   * orders: 4, 2, 1, 3, 0); spend 1000, 500, 300, 800, 50 gives M 5, 3, 2, 4, 1. Tiers: A R5
   * FM5 champions; B R4 FM3 loyal; C R3 FM2 promising; D R2 FM4 at risk; E R1 FM1 lost; F
   * never ordered.
   */
  @Test
  void quintileScoresAndTiersOfAHandWorkedExample() {
    var result = RfmValuation.compute(List.of(
        buyer("A", 2, 10, 1000), buyer("B", 10, 5, 500), buyer("C", 40, 3, 300),
        buyer("D", 200, 8, 800), buyer("E", 400, 1, 50),
        new RfmValuation.History("F", 0, 0, null, null)), NOW);

    var v = result.values();
    assertThat(List.of("A", "B", "C", "D", "E", "F")).map(id -> id + ":" + v.get(id).r() + v.get(id).f() + v.get(id).m())
        .containsExactly("A:555", "B:433", "C:322", "D:244", "E:111", "F:000");
    assertThat(List.of("A", "B", "C", "D", "E", "F")).map(id -> v.get(id).tier()).containsExactly(
        ValueTier.CHAMPIONS, ValueTier.LOYAL, ValueTier.PROMISING, ValueTier.AT_RISK, ValueTier.LOST,
        ValueTier.NO_ORDERS);
    assertThat(v.get("D").recencyDays()).isEqualTo(200);
    assertThat(result.tiers()).filteredOn(t -> t.tier() == ValueTier.AT_RISK).singleElement()
        .satisfies(t -> assertThat(t.revenue()).isEqualTo(800.0));
  }

  @Test
  void tiesShareTheirScore() {
    var result = RfmValuation.compute(List.of(
        buyer("a", 5, 2, 100), buyer("b", 5, 2, 100), buyer("c", 5, 2, 100), buyer("d", 50, 9, 900)), NOW);

    assertThat(result.values().get("a").f()).isEqualTo(result.values().get("c").f()).isEqualTo(1);
    assertThat(result.values().get("a").r()).isEqualTo(2); // one customer (d) is less recent: 1 + ⌊5·1/4⌋
    assertThat(result.values().get("d").f()).isEqualTo(4); // three have fewer orders: 1 + ⌊5·3/4⌋
  }

  @Test
  void everyScoreCombinationHasOneNamedTier() {
    assertThat(ValueTier.of(2, 2, 2)).isEqualTo(ValueTier.HIBERNATING);
    assertThat(ValueTier.of(1, 2, 3)).isEqualTo(ValueTier.LOST);
    assertThat(ValueTier.of(1, 3, 3)).isEqualTo(ValueTier.AT_RISK);
    assertThat(ValueTier.of(4, 4, 3)).isEqualTo(ValueTier.LOYAL);
    assertThat(ValueTier.of(4, 4, 4)).isEqualTo(ValueTier.CHAMPIONS);
  }

  /**
   * One order of 50, 400 days ago: tenure 400/365 years, 0.9125 orders a year, typical gap 365
   * days, so pActive 365/400 = 0.9125; CLV = 50 + 50 × 0.9125 × 3 × 0.9125 = 174.90.
   */
  @Test
  void clvIsWhatWasSpentPlusTheExpectedSpendOfThreeYears() {
    assertThat(RfmValuation.clv(buyer("E", 400, 1, 50), NOW)).isEqualTo(174.90);
  }
}
