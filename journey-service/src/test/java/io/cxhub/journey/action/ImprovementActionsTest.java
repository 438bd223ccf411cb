package io.cxhub.journey.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.journey.action.Impact.Verdict;
import io.cxhub.journey.action.ImprovementAction.Comparison;
import io.cxhub.journey.action.ImprovementAction.MeasurementPlan;
import io.cxhub.journey.action.ImprovementAction.Plan;
import io.cxhub.journey.action.ImprovementAction.Target;
import io.cxhub.journey.insight.AlertSink;
import io.cxhub.journey.insight.Indicators;
import io.cxhub.journey.insight.Readings;
import io.cxhub.journey.insight.Readings.ScoreCell;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.journey.insight.Slice;
import io.cxhub.journey.insight.Tally;
import io.cxhub.journey.journey.InMemoryJourneys;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.journey.JourneyMap;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImprovementActionsTest {

  final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  final JourneyCatalog catalog = new JourneyCatalog(new InMemoryJourneys(), clock);
  final List<AlertSink.Alert> fired = new ArrayList<>();
  final Map<LocalDate, Readings> byWindowStart = new java.util.HashMap<>();
  final Indicators indicators = (tenant, slices, need) -> slices.stream()
      .map((Slice s) -> byWindowStart.getOrDefault(s.period().start(), new Readings(Map.of(), List.of(), List.of())))
      .toList();
  final ImprovementActions actions = new ImprovementActions(new InMemoryActions(), catalog, indicators,
      (tenant, alert) -> fired.add(alert), clock);
  final String journeyId = catalog.create("acme", new JourneyMap("Achat", "", List.of(
      new Stage("achat", "Achat", "", List.of(new Touchpoint("paiement", "Paiement", Channel.WEB_WIDGET, ""))),
      new Stage("livraison", "Livraison", "", List.of(new Touchpoint("suivi", "Suivi", Channel.SMS, "")))))).id();

  static Tally nps(int promoters, int passives, int detractors) {
    long[] counts = new long[11];
    counts[10] = promoters;
    counts[8] = passives;
    counts[3] = detractors;
    return new Tally(0, 10, counts, promoters, detractors);
  }

  Plan plan(String shipDate, Comparison comparison) {
    return new Plan("Créneau au choix", "", "logistique", new Target("stage:livraison", "", "", ""), ScoreKind.NPS, null,
        shipDate == null ? null : LocalDate.parse(shipDate), new MeasurementPlan(14, 0, comparison, ""));
  }

  ImprovementAction shipped(Comparison comparison) {
    var a = actions.create("acme", journeyId, plan("2026-10-15", comparison), null);
    for (var s : List.of(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.SHIPPED)) {
      a = actions.transition("acme", a.id(), s, a.etag());
    }
    return a;
  }

  void windows(Tally targetBefore, Tally targetAfter, Tally restBefore, Tally restAfter) {
    byWindowStart.put(LocalDate.parse("2026-10-01"), new Readings(Map.of(ScoreKind.NPS, List.of(
        new ScoreCell("livraison", "suivi", targetBefore), new ScoreCell("achat", "", restBefore))), List.of(), List.of()));
    byWindowStart.put(LocalDate.parse("2026-10-15"), new Readings(Map.of(ScoreKind.NPS, List.of(
        new ScoreCell("livraison", "", targetAfter), new ScoreCell("achat", "paiement", restAfter))), List.of(), List.of()));
  }

  @Test
  void aFrictionIdTargetResolvesToItsStage() {
    var a = actions.create("acme", journeyId, plan(null, Comparison.REST_OF_JOURNEY), null);

    assertThat(a.plan().target().stageId()).isEqualTo("livraison");
    assertThat(a.status()).isEqualTo(ActionStatus.PROPOSED);
  }

  @Test
  void theLifecycleAllowsOnlyItsOwnMoves() {
    var a = actions.create("acme", journeyId, plan(null, Comparison.REST_OF_JOURNEY), null);

    assertThatThrownBy(() -> actions.transition("acme", a.id(), ActionStatus.SHIPPED, ""))
        .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("may move to [PLANNED, ABANDONED]");
    assertThatThrownBy(() -> actions.transition("acme", a.id(), ActionStatus.MEASURED, ""))
        .isInstanceOf(PreconditionFailedException.class);
    var abandoned = actions.transition("acme", a.id(), ActionStatus.ABANDONED, a.etag());
    assertThat(abandoned.status().next()).isEmpty();
    assertThatThrownBy(() -> actions.transition("acme", a.id(), ActionStatus.PLANNED, a.etag()))
        .isInstanceOf(StaleVersionException.class).hasMessageContaining("the current etag is '2'");
  }

  @Test
  void shippingWithoutADateShipsToday() {
    var a = actions.create("acme", journeyId, plan(null, Comparison.REST_OF_JOURNEY), null);
    a = actions.transition("acme", a.id(), ActionStatus.PLANNED, "");
    a = actions.transition("acme", a.id(), ActionStatus.IN_PROGRESS, "");

    var shippedNow = actions.transition("acme", a.id(), ActionStatus.SHIPPED, "");

    assertThat(shippedNow.plan().shipDate()).isEqualTo(LocalDate.parse("2026-12-01"));
  }

  @Test
  void anImprovementAtTheTargetOnlyIsCreditedAndNotified() {
    var a = shipped(Comparison.REST_OF_JOURNEY);
    windows(nps(40, 80, 80), nps(100, 60, 40), nps(80, 80, 40), nps(80, 80, 40));

    var measured = actions.measure("acme", a.id());

    var impact = measured.impact();
    assertThat(impact.difference().value()).isEqualTo(50.0);
    assertThat(impact.did().value()).isEqualTo(50.0);
    assertThat(impact.verdict()).isEqualTo(Verdict.IMPROVED);
    assertThat(measured.status()).isEqualTo(ActionStatus.MEASURED);
    assertThat(fired).extracting(AlertSink.Alert::alertId).containsExactly("action.measured:" + a.id() + ":2026-10-28");
  }

  @Test
  void aCompanyWideImprovementIsNotCreditedButWithoutComparisonItWouldBe() {
    var withComparison = shipped(Comparison.REST_OF_JOURNEY);
    var withoutComparison = shipped(Comparison.NONE);
    windows(nps(60, 80, 60), nps(100, 60, 40), nps(60, 80, 60), nps(100, 60, 40));

    var fair = actions.measure("acme", withComparison.id()).impact();
    var naive = actions.measure("acme", withoutComparison.id()).impact();

    assertThat(fair.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(fair.did().value()).isZero();
    assertThat(fair.requiredNPerWindow()).isPositive();
    assertThat(naive.verdict()).isEqualTo(Verdict.IMPROVED);
    assertThat(naive.did()).isNull();
  }

  @Test
  void theDueWatchMeasuresOnlyActionsWhoseAfterWindowHasEnded() {
    var due = shipped(Comparison.REST_OF_JOURNEY);
    var notYet = actions.create("acme", journeyId, plan("2026-11-25", Comparison.REST_OF_JOURNEY), ActionStatus.SHIPPED);
    windows(nps(40, 80, 80), nps(100, 60, 40), nps(80, 80, 40), nps(80, 80, 40));

    int measured = actions.measureDue();

    assertThat(measured).isEqualTo(1);
    assertThat(actions.get("acme", due.id()).status()).isEqualTo(ActionStatus.MEASURED);
    assertThat(actions.get("acme", notYet.id()).status()).isEqualTo(ActionStatus.SHIPPED);
  }

  @Test
  void aControlTouchpointInsideTheTargetIsRefused() {
    var bad = new Plan("x", "", "t", new Target("", "livraison", "", ""), ScoreKind.NPS, null, null,
        new MeasurementPlan(14, 0, Comparison.CONTROL_TOUCHPOINT, "suivi"));

    assertThatThrownBy(() -> actions.create("acme", journeyId, bad, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations())
            .extracting(v -> v.field()).containsExactly("action.measurement.control_touchpoint_id"));
  }

  @Test
  void deletingTheJourneyDeletesItsActions() {
    var a = actions.create("acme", journeyId, plan(null, Comparison.REST_OF_JOURNEY), null);

    actions.journeyDeleted("acme", journeyId);

    assertThat(actions.summaries("acme", journeyId)).isEmpty();
    assertThat(a.id()).isNotEmpty();
  }
}
