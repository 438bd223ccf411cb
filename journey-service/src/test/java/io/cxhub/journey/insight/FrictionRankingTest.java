package io.cxhub.journey.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxhub.journey.journey.BlueprintElement;
import io.cxhub.journey.journey.BlueprintLane;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.JourneyMap;
import io.cxhub.journey.journey.JourneyState;
import io.cxhub.journey.insight.FrictionView.Kind;
import io.cxhub.journey.insight.FrictionView.Trend;
import io.cxhub.journey.insight.LiveJourneys.Snapshot;
import io.cxhub.journey.insight.Readings.FunnelStep;
import io.cxhub.journey.insight.Readings.ScoreCell;
import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrictionRankingTest {

  static final Journey JOURNEY = new Journey("acme", "j1", new JourneyMap("Achat", "", "", List.of(
      new Stage("decouverte", "Découverte", "", List.of()),
      new Stage("achat", "Achat", "", List.of(new Touchpoint("paiement", "Paiement", Channel.WEB_WIDGET, "")),
          Journey.Hypothesis.NONE, List.of(BlueprintElement.builder(BlueprintLane.FRONTSTAGE, "Checkout").id("checkout")
              .indicator(IndicatorBinding.funnelStep("checkout", "payment")).build())),
      new Stage("livraison", "Livraison", "", List.of(new Touchpoint("suivi", "Suivi", Channel.SMS, ""),
          new Touchpoint("relais", "Point relais", Channel.KIOSK, ""))),
      new Stage("apres-vente", "Après-vente", "", List.of())), List.of(), List.of()),
      JourneyState.ACTIVE, 1, Instant.EPOCH, Instant.EPOCH);

  static final Slice NOVEMBER = Slice.of(new DayRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));

  static Tally nps(int promoters, int passives, int detractors) {
    long[] counts = new long[11];
    counts[10] = promoters;
    counts[8] = passives;
    counts[3] = detractors;
    return new Tally(0, 10, counts, promoters, detractors);
  }

  static Readings readings(List<ScoreCell> cells, List<FunnelStep> steps) {
    return new Readings(Map.of(ScoreKind.NPS, cells), List.of(), steps);
  }

  @Test
  void rankedByWhatTheJourneyWouldGainAtTheMedianOfItsStages() {
    var now = readings(List.of(
        new ScoreCell("decouverte", "", nps(100, 80, 20)),   // +40, n=200
        new ScoreCell("achat", "", nps(90, 80, 30)),         // +30, n=200
        new ScoreCell("livraison", "", nps(80, 80, 240)),    // −40, n=400
        new ScoreCell("apres-vente", "", nps(80, 80, 40))),  // +20, n=200
        List.of());

    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, now, readings(List.of(), List.of())));

    assertThat(view.medianStageNps()).isEqualTo(25.0);
    assertThat(view.points()).hasSize(1);
    var delivery = view.points().get(0);
    assertThat(delivery.place().frictionId()).isEqualTo("stage:livraison");
    // 400 / 1000 × (25 − (−40)) = 26.0
    assertThat(delivery.impact().value()).isCloseTo(26.0, within(1e-9));
    assertThat(delivery.customersAffected()).isEqualTo(240);
    assertThat(delivery.evidence().rest().estimate().value()).isEqualTo(30.0);
    assertThat(delivery.evidence().trend()).isEqualTo(Trend.NEW);
  }

  @Test
  void aTouchpointIsComparedWithTheOtherTouchpointsAndCountsAtItsStage() {
    var now = readings(List.of(
        new ScoreCell("", "suivi", nps(20, 20, 60)),      // −40, n=100, no stage named
        new ScoreCell("", "relais", nps(60, 30, 10)),     // +50
        new ScoreCell("achat", "paiement", nps(60, 30, 10))),
        List.of());

    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, now, readings(List.of(), List.of())));

    assertThat(view.points()).extracting(f -> f.place().kind() + ":" + f.place().frictionId())
        .contains("TOUCHPOINT:touchpoint:suivi");
    var live = new Snapshot(JOURNEY, NOVEMBER, now, readings(List.of(), List.of())).view();
    // the delivery stage pools its two touchpoints: (20 + 60 − 60 − 10) / 200 = +5
    assertThat(live.stages().get(2).numbers().score(ScoreKind.NPS).estimate().value()).isEqualTo(5.0);
  }

  @Test
  void aFrictionPointThatWasOneAndFellFurtherIsWorsening() {
    var before = readings(List.of(new ScoreCell("decouverte", "", nps(100, 80, 20)),
        new ScoreCell("livraison", "", nps(120, 160, 120))), List.of());  // 0 vs +40
    var now = readings(List.of(new ScoreCell("decouverte", "", nps(100, 80, 20)),
        new ScoreCell("livraison", "", nps(40, 120, 240))), List.of());   // −50

    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, now, before));

    assertThat(view.points().get(0).evidence().trend()).isEqualTo(Trend.WORSENING);
  }

  @Test
  void aSmallStageIsNotJudged() {
    var now = readings(List.of(new ScoreCell("decouverte", "", nps(100, 80, 20)),
        new ScoreCell("livraison", "", nps(0, 0, 20))), List.of());

    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, now, readings(List.of(), List.of())));

    assertThat(view.points()).isEmpty();
  }

  @Test
  void aFunnelStepThatConvertsWorseThanLastPeriodIsADropOff() {
    var before = readings(List.of(), List.of(new FunnelStep("achat", "checkout", "payment", 3, 300, 270)));
    var now = readings(List.of(), List.of(new FunnelStep("achat", "checkout", "payment", 3, 300, 210)));

    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, now, before));

    assertThat(view.dropOffs()).hasSize(1);
    var drop = view.dropOffs().get(0);
    assertThat(drop.referenceKind()).isEqualTo("previous period");
    assertThat(drop.reference()).isEqualTo(90.0);
    assertThat(drop.lostCompletions()).isCloseTo(60.0, within(1e-9));
  }

  @Test
  void withoutMetricsTheRankingIsEmptyAndSaysWhy() {
    var view = FrictionRanking.rank(new Snapshot(JOURNEY, NOVEMBER, null, null));

    assertThat(view.available()).isFalse();
    assertThat(view.notes()).containsExactly(LiveJourneys.DEGRADED);
    assertThat(new ArrayList<>(view.points())).isEmpty();
    assertThat(Kind.values()).hasSize(2);
  }
}
