package io.cxhub.journey.insight;

import io.cxhub.journey.journey.BlueprintElement;
import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.insight.Indicators.IndicatorsUnavailableException;
import io.cxhub.journey.insight.LiveJourneyView.PlaceNumbers;
import io.cxhub.journey.insight.LiveJourneyView.StageNumbers;
import io.cxhub.journey.insight.LiveJourneyView.TouchpointNumbers;
import io.cxhub.journey.insight.Readings.FunnelStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live journey use case: reads a journey, then the indicators of the period and of the
 * previous period of the same length in one round of calls, and attributes them to stages,
 * touchpoints and bound blueprint elements. When metrics cannot answer, the map comes back
 * without numbers and with a note (a degraded answer, not an error).
 */
public final class LiveJourneys {

  private static final Logger log = LoggerFactory.getLogger(LiveJourneys.class);
  static final String DEGRADED = "metrics-service did not answer in time: the map is shown without live numbers; retry later";

  private final JourneyCatalog catalog;
  private final Indicators indicators;
  private final Clock clock;

  public LiveJourneys(JourneyCatalog catalog, Indicators indicators, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog);
    this.indicators = Objects.requireNonNull(indicators);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Today, the default end of a period. Days are UTC days here (see docs/journeys.md). */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  public LiveJourneyView live(String tenantId, String journeyId, Slice slice) {
    var journey = catalog.get(tenantId, journeyId);
    return snapshot(journey, slice).view();
  }

  /** The journey's readings over the slice and the previous period; unavailable when metrics is down. */
  public Snapshot snapshot(Journey journey, Slice slice) {
    return snapshot(journey, slice, needOf(journey, false));
  }

  /**
   * What a journey's numbers need: every score, support KPIs when a blueprint element is
   * bound to a team's FCR, AHT or FRT, funnel steps when one is bound to a funnel step (or
   * always, for the drop-offs of the friction ranking).
   */
  static Indicators.Need needOf(Journey journey, boolean funnelAlways) {
    boolean support = journey.elements().anyMatch(e -> e.indicator() != null
        && e.indicator().kind().needs() == IndicatorKind.Needs.TEAM);
    boolean funnel = funnelAlways || journey.elements().anyMatch(e -> e.indicator() != null
        && e.indicator().kind() == IndicatorKind.FUNNEL_STEP_CONVERSION);
    return new Indicators.Need(java.util.EnumSet.allOf(ScoreKind.class), support, funnel);
  }

  Snapshot snapshot(Journey journey, Slice slice, Indicators.Need need) {
    try {
      var readings = indicators.read(journey.tenantId(), List.of(slice, slice.previous()), need);
      return new Snapshot(journey, slice, readings.get(0), readings.get(1));
    } catch (IndicatorsUnavailableException e) {
      log.warn("live journey degraded tenant={} journeyId={} cause={}", journey.tenantId(), journey.id(), e.getMessage());
      return new Snapshot(journey, slice, null, null);
    }
  }

  /** A journey with its readings over a slice and over the previous period (both null when unavailable). */
  public record Snapshot(Journey journey, Slice slice, Readings current, Readings previous) {

    public boolean available() {
      return current != null;
    }

    public LiveJourneyView view() {
      if (!available()) {
        var stages = new ArrayList<StageNumbers>();
        for (int i = 0; i < journey.stages().size(); i++) {
          var stage = journey.stages().get(i);
          stages.add(new StageNumbers(stage, i + 1, PlaceNumbers.NONE, Estimate.NONE,
              stage.touchpoints().stream().map(t -> new TouchpointNumbers(t, PlaceNumbers.NONE)).toList()));
        }
        return new LiveJourneyView(journey, slice, false, stages, Map.of(), List.of(DEGRADED));
      }
      var now = new Attribution(journey, current);
      var before = new Attribution(journey, previous);
      var stages = new ArrayList<StageNumbers>();
      for (int i = 0; i < journey.stages().size(); i++) {
        var stage = journey.stages().get(i);
        var touchpoints = new ArrayList<TouchpointNumbers>();
        for (var tp : stage.touchpoints()) {
          var scores = scores(kind -> now.touchpoint(kind, tp.id()), kind -> before.touchpoint(kind, tp.id()));
          var kpis = kpis(stage.blueprint().stream().filter(e -> e.touchpointId().equals(tp.id())).toList(), scores);
          touchpoints.add(new TouchpointNumbers(tp, new PlaceNumbers(scores, kpis)));
        }
        var scores = scores(kind -> now.stage(kind, stage.id()), kind -> before.stage(kind, stage.id()));
        var kpis = kpis(stage.blueprint().stream().filter(e -> e.touchpointId().isEmpty()).toList(), scores);
        var all = new ArrayList<Tally>();
        for (var kind : ScoreKind.values()) {
          all.addAll(now.stage(kind, stage.id()));
        }
        stages.add(new StageNumbers(stage, i + 1, new PlaceNumbers(scores, kpis), Stats.satisfaction(all), touchpoints));
      }
      var total = scores(now::journey, before::journey);
      var notes = new ArrayList<String>();
      if (total.isEmpty()) {
        notes.add("no answer of a survey linked to this journey's stages or touchpoints over " + slice.period());
      }
      notes.add("stage and touchpoint ids are matched across the tenant's surveys: two journeys sharing an id share its answers");
      return new LiveJourneyView(journey, slice, true, stages, total, notes);
    }

    private static Map<ScoreKind, ScoreStat> scores(
        java.util.function.Function<ScoreKind, List<Tally>> current,
        java.util.function.Function<ScoreKind, List<Tally>> previous) {
      var scores = new EnumMap<ScoreKind, ScoreStat>(ScoreKind.class);
      for (var kind : ScoreKind.values()) {
        var stat = ScoreStat.of(kind, Attribution.dominant(current.apply(kind)), Attribution.dominant(previous.apply(kind)));
        if (stat != null) {
          scores.put(kind, stat);
        }
      }
      return scores;
    }

    private List<KpiStat> kpis(List<BlueprintElement> elements, Map<ScoreKind, ScoreStat> placeScores) {
      var kpis = new ArrayList<KpiStat>();
      for (var element : elements) {
        var binding = element.indicator();
        if (binding == null) {
          continue;
        }
        kpis.add(kpi(element.id(), binding, placeScores));
      }
      return kpis;
    }

    /** The value of one binding: a score of the place, a team's support KPI, or a funnel step. */
    KpiStat kpi(String elementId, IndicatorBinding binding, Map<ScoreKind, ScoreStat> placeScores) {
      var kind = binding.kind();
      if (kind.isScore()) {
        var stat = placeScores.get(ScoreKind.valueOf(kind.name()));
        return stat == null
            ? new KpiStat(elementId, binding, Estimate.NONE, Double.NaN, null, null)
            : new KpiStat(elementId, binding, stat.estimate(), Double.NaN, stat.previous(), stat.change());
      }
      if (kind == IndicatorKind.FUNNEL_STEP_CONVERSION) {
        var now = conversion(current, binding);
        var before = conversion(previous, binding);
        return new KpiStat(elementId, binding, now, Double.NaN, before.isEmpty() ? null : before,
            now.isEmpty() || before.isEmpty() ? null : Stats.difference(now, before));
      }
      var team = current.teams().stream().filter(t -> t.team().equals(binding.team())).findFirst();
      var teamBefore = previous.teams().stream().filter(t -> t.team().equals(binding.team())).findFirst();
      if (kind == IndicatorKind.FCR) {
        var now = team.map(t -> Stats.proportion(t.firstContactResolved(), t.resolved())).orElse(Estimate.NONE);
        var before = teamBefore.map(t -> Stats.proportion(t.firstContactResolved(), t.resolved())).orElse(Estimate.NONE);
        return new KpiStat(elementId, binding, now, Double.NaN, before.isEmpty() ? null : before,
            now.isEmpty() || before.isEmpty() ? null : Stats.difference(now, before));
      }
      var durations = team.map(t -> kind == IndicatorKind.AHT ? t.aht() : t.frt()).orElse(Readings.Durations.NONE);
      var estimate = durations.n() == 0 ? Estimate.NONE
          : new Estimate(durations.n(), durations.meanSeconds(), Double.NaN, Double.NaN, 0, durations.n() < Stats.LOW_SAMPLE_N);
      return new KpiStat(elementId, binding, estimate, durations.medianSeconds(), null, null);
    }

    /** Conversion of a funnel step over every stage group (the step's events may name no stage). */
    static Estimate conversion(Readings readings, IndicatorBinding binding) {
      long viewed = 0;
      long completed = 0;
      for (FunnelStep step : readings.funnelSteps()) {
        if (step.funnelId().equals(binding.funnelId()) && step.step().equals(binding.step())) {
          viewed += step.viewed();
          completed += step.completed();
        }
      }
      return Stats.proportion(Math.min(completed, viewed), viewed);
    }
  }
}
