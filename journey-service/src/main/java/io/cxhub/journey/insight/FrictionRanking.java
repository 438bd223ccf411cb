package io.cxhub.journey.insight;

import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.insight.FrictionView.DropOff;
import io.cxhub.journey.insight.FrictionView.Evidence;
import io.cxhub.journey.insight.FrictionView.Friction;
import io.cxhub.journey.insight.FrictionView.Kind;
import io.cxhub.journey.insight.FrictionView.Place;
import io.cxhub.journey.insight.FrictionView.Trend;
import io.cxhub.journey.insight.LiveJourneys.Snapshot;
import io.cxhub.journey.insight.Readings.FunnelStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks the friction points of a journey (docs/journeys.md, "Friction"):
 * <ul>
 *   <li>a stage (touchpoint) is a friction point when its NPS is significantly below the NPS
 *       of every other stage (touchpoint) of the journey pooled: z-test on two adjusted-Wald
 *       NPS, p &lt; 0.05, at least {@value #MIN_N} answers;</li>
 *   <li>its impact is what the whole journey's NPS would gain if it performed at the median
 *       of the stages' (touchpoints') NPS: {@code (n / N) × (median − NPS)}, N the answers of
 *       all stages (touchpoints); the interval takes the median as fixed;</li>
 *   <li>a funnel step has an abnormal drop-off when its conversion is significantly below the
 *       median conversion of its funnel's other steps, or below its own conversion over the
 *       previous period.</li>
 * </ul>
 */
public final class FrictionRanking {

  /** Fewest answers at a place for it to be judged. */
  public static final int MIN_N = 30;
  static final int VERBATIMS = 3;
  static final int VERBATIM_LOOKUPS = 10;
  static final int THEMES = 3;
  static final int THEME_SAMPLES = 2;
  /** Most detractor responses read per friction point for its revenue at risk. */
  static final int REVENUE_RESPONSES = 2_000;

  private final LiveJourneys live;
  private final Feedback feedback;
  private final TextThemes themes;
  private final CustomerValues values;

  public FrictionRanking(LiveJourneys live, Feedback feedback, TextThemes themes, CustomerValues values) {
    this.live = Objects.requireNonNull(live);
    this.feedback = Objects.requireNonNull(feedback);
    this.themes = Objects.requireNonNull(themes);
    this.values = Objects.requireNonNull(values);
  }

  /** Reads the journey's numbers and ranks its friction, with verbatims for the top points. */
  public FrictionView rank(String tenantId, Journey journey, Slice slice) {
    var view = rank(live.snapshot(journey, slice, LiveJourneys.needOf(journey, true)));
    if (!view.available()) {
      return view;
    }
    var notes = new ArrayList<>(view.notes());
    var themesByPlace = themes(tenantId, journey, slice.period(), view.points(), notes);
    var points = new ArrayList<Friction>();
    for (var f : view.points()) {
      f = f.withEvidence(f.evidence().withThemes(themesByPlace.getOrDefault(f.place().frictionId(), List.of())));
      if (f.rank() <= VERBATIM_LOOKUPS) {
        var place = f.place();
        var comments = feedback.detractorComments(tenantId, place.kind() == Kind.STAGE ? place.stageId() : "",
            place.kind() == Kind.TOUCHPOINT ? place.touchpointId() : "", slice.period(), VERBATIMS);
        f = f.withEvidence(f.evidence().withVerbatims(comments));
      }
      points.add(f);
    }
    return new FrictionView(view.slice(), true, view.journeyNps(), view.medianStageNps(), view.medianTouchpointNps(),
        revenueAtRisk(tenantId, slice.period(), points, notes), view.dropOffs(), notes);
  }

  /**
   * Revenue at risk of the top friction points (docs/journeys.md): the distinct customers of
   * the place's detractor responses (at most {@value #REVENUE_RESPONSES} most recent ones),
   * valued by persona-service in one read, their CLV estimates summed in the currency that
   * holds most of the value. Best effort: a note when a peer cannot answer.
   */
  private List<Friction> revenueAtRisk(String tenantId, DayRange period, List<Friction> points, List<String> notes) {
    var customersByPlace = new LinkedHashMap<String, Feedback.DetractorCustomers>();
    var all = new HashSet<String>();
    boolean truncated = false;
    try {
      for (var f : points) {
        if (f.rank() > VERBATIM_LOOKUPS) {
          continue;
        }
        var place = f.place();
        var found = feedback.detractorCustomers(tenantId, place.kind() == Kind.STAGE ? place.stageId() : "",
            place.kind() == Kind.TOUCHPOINT ? place.touchpointId() : "", period, REVENUE_RESPONSES);
        customersByPlace.put(place.frictionId(), found);
        all.addAll(found.customerIds());
        truncated |= found.truncated();
      }
    } catch (Indicators.IndicatorsUnavailableException e) {
      notes.add("revenue at risk is not available: survey-service did not answer (" + e.getMessage() + ")");
      return points;
    }
    Map<String, CustomerValues.Value> valued;
    try {
      valued = all.isEmpty() ? Map.of() : values.values(tenantId, all);
    } catch (Indicators.IndicatorsUnavailableException e) {
      notes.add("revenue at risk is not available: persona-service did not answer (" + e.getMessage() + ")");
      return points;
    }
    if (truncated) {
      notes.add("revenue at risk counts the customers of the " + REVENUE_RESPONSES
          + " most recent detractor responses of a friction point");
    }
    var out = new ArrayList<Friction>();
    boolean mixed = false;
    for (var f : points) {
      var found = customersByPlace.get(f.place().frictionId());
      if (found == null) {
        out.add(f);
        continue;
      }
      var byCurrency = new HashMap<String, Double>();
      var counted = new HashMap<String, Long>();
      for (var id : found.customerIds()) {
        var v = valued.get(id);
        if (v != null) {
          byCurrency.merge(v.currency(), v.clv(), Double::sum);
          counted.merge(v.currency(), 1L, Long::sum);
        }
      }
      mixed |= byCurrency.size() > 1;
      var top = byCurrency.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
      out.add(f.withRevenue(top == null ? new FrictionView.Revenue(0, "", found.customerIds().size(), 0)
          : new FrictionView.Revenue(top.getValue(), top.getKey(), found.customerIds().size(), counted.get(top.getKey()))));
    }
    if (mixed) {
      notes.add("revenue at risk sums the currency holding most of a friction point's value; customers valued in other currencies are left out");
    }
    return out;
  }

  /**
   * The top themes of each friction point, in one read: a stage counts the comments of its
   * touchpoints too (the attribution of the scores); best effort, a note when unavailable.
   */
  private Map<String, List<FrictionView.Theme>> themes(String tenantId, Journey journey, DayRange period,
      List<Friction> points, List<String> notes) {
    var found = new HashMap<String, List<FrictionView.Theme>>();
    if (points.isEmpty()) {
      return found;
    }
    var places = new ArrayList<TextThemes.Place>();
    for (var f : points) {
      var place = f.place();
      if (place.kind() == Kind.STAGE) {
        var touchpoints = journey.stages().stream().filter(s -> s.id().equals(place.stageId()))
            .flatMap(s -> s.touchpoints().stream()).map(t -> t.id()).toList();
        places.add(new TextThemes.Place(place.frictionId(), List.of(place.stageId()), touchpoints));
      } else {
        places.add(new TextThemes.Place(place.frictionId(), List.of(), List.of(place.touchpointId())));
      }
    }
    try {
      for (var p : themes.top(tenantId, period, places, THEMES, THEME_SAMPLES)) {
        found.put(p.id(), p.themes());
      }
    } catch (Indicators.IndicatorsUnavailableException e) {
      notes.add("themes are not available: metrics-service did not answer (" + e.getMessage() + ")");
    }
    return found;
  }

  /** The ranking from a snapshot's numbers alone (no verbatims). */
  public static FrictionView rank(Snapshot snapshot) {
    var journey = snapshot.journey();
    if (!snapshot.available()) {
      return new FrictionView(snapshot.slice(), false, null, Double.NaN, Double.NaN, List.of(), List.of(),
          List.of(LiveJourneys.DEGRADED));
    }
    var now = new Attribution(journey, snapshot.current());
    var before = new Attribution(journey, snapshot.previous());
    var stagesNow = places(journey, now, Kind.STAGE);
    var touchpointsNow = places(journey, now, Kind.TOUCHPOINT);
    var stagesBefore = places(journey, before, Kind.STAGE);
    var touchpointsBefore = places(journey, before, Kind.TOUCHPOINT);

    var found = new ArrayList<Friction>();
    double stageMedian = median(stagesNow);
    double touchpointMedian = median(touchpointsNow);
    found.addAll(detect(stagesNow, stagesBefore, stageMedian));
    found.addAll(detect(touchpointsNow, touchpointsBefore, touchpointMedian));
    found.sort(Comparator.comparingDouble((Friction f) -> -f.impact().value())
        .thenComparingDouble(f -> f.evidence().gap().value()));
    var ranked = new ArrayList<Friction>();
    for (int i = 0; i < found.size(); i++) {
      ranked.add(found.get(i).ranked(i + 1));
    }
    var all = Attribution.dominant(now.journey(ScoreKind.NPS));
    var notes = new ArrayList<String>();
    if (all == null) {
      notes.add("no NPS answer at this journey's stages over " + snapshot.slice().period());
    }
    return new FrictionView(snapshot.slice(), true, ScoreStat.of(ScoreKind.NPS, all, null), stageMedian,
        touchpointMedian, ranked, dropOffs(journey, snapshot.current(), snapshot.previous()), notes);
  }

  /** A place with its pooled NPS answers. */
  record Measured(Place place, Tally nps) {}

  private static List<Measured> places(Journey journey, Attribution attribution, Kind kind) {
    var list = new ArrayList<Measured>();
    for (var stage : journey.stages()) {
      if (kind == Kind.STAGE) {
        var t = Attribution.dominant(attribution.stage(ScoreKind.NPS, stage.id()));
        if (t != null) {
          list.add(new Measured(new Place(Kind.STAGE, stage.id(), "", stage.name()), t));
        }
        continue;
      }
      for (var tp : stage.touchpoints()) {
        var t = Attribution.dominant(attribution.touchpoint(ScoreKind.NPS, tp.id()));
        if (t != null) {
          list.add(new Measured(new Place(Kind.TOUCHPOINT, stage.id(), tp.id(), tp.name()), t));
        }
      }
    }
    return list;
  }

  /**
   * The median of the places' NPS, each place one value (places with at least
   * {@value #MIN_N} answers when two or more have them). NaN without places.
   */
  static double median(List<Measured> places) {
    var judged = places.stream().filter(p -> p.nps().n() >= MIN_N).toList();
    var values = (judged.size() >= 2 ? judged : places).stream()
        .mapToDouble(p -> Stats.nps(p.nps()).value()).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  private static List<Friction> detect(List<Measured> now, List<Measured> before, double median) {
    var previousFriction = new HashSet<String>();
    if (before.size() >= 2) {
      double previousMedian = median(before);
      for (var m : before) {
        if (isFriction(m, before) != null && Stats.nps(m.nps()).value() < previousMedian) {
          previousFriction.add(m.place().frictionId());
        }
      }
    }
    Map<String, Tally> previousTally = new HashMap<>();
    before.forEach(m -> previousTally.put(m.place().frictionId(), m.nps()));
    long total = now.stream().mapToLong(m -> m.nps().n()).sum();
    var found = new ArrayList<Friction>();
    if (now.size() < 2) {
      return found;
    }
    for (var m : now) {
      var gap = isFriction(m, now);
      if (gap == null) {
        continue;
      }
      var nps = Stats.nps(m.nps());
      double weight = (double) m.nps().n() / total;
      double impact = Math.max(0, weight * (median - nps.value()));
      var impactInterval = new Difference(impact, weight * (median - nps.high()), weight * (median - nps.low()),
          weight * weight * nps.variance(), gap.pValue());
      var trend = trend(m, previousFriction, previousTally.get(m.place().frictionId()));
      found.add(new Friction(0, m.place(), impactInterval, m.nps().unfavourable(),
          new Evidence(ScoreStat.of(ScoreKind.NPS, m.nps(), null), ScoreStat.of(ScoreKind.NPS, restOf(m, now), null),
              gap, trend, List.of(), List.of()), null));
    }
    return found;
  }

  /** The gap to the rest when the place is significantly below it; null otherwise. */
  private static Difference isFriction(Measured m, List<Measured> all) {
    if (m.nps().n() < MIN_N) {
      return null;
    }
    var rest = restOf(m, all);
    if (rest.n() == 0) {
      return null;
    }
    var gap = Stats.difference(Stats.nps(m.nps()), Stats.nps(rest));
    return gap.value() < 0 && gap.significant() ? gap : null;
  }

  private static Tally restOf(Measured m, List<Measured> all) {
    Tally rest = Tally.empty(0, 10);
    for (var other : all) {
      if (other != m && other.nps().sameScale(rest)) {
        rest = rest.plus(other.nps());
      }
    }
    return rest;
  }

  private static Trend trend(Measured m, Set<String> previousFriction, Tally previous) {
    if (!previousFriction.contains(m.place().frictionId()) || previous == null) {
      return Trend.NEW;
    }
    var change = Stats.difference(Stats.nps(m.nps()), Stats.nps(previous));
    if (!change.significant()) {
      return Trend.PERSISTING;
    }
    return change.value() < 0 ? Trend.WORSENING : Trend.IMPROVING;
  }

  /** Funnel steps with an abnormal drop-off, most completions lost first. */
  static List<DropOff> dropOffs(Journey journey, Readings current, Readings previous) {
    var stageIds = new HashSet<String>();
    journey.stages().forEach(s -> stageIds.add(s.id()));
    var boundFunnels = new HashSet<String>();
    journey.elements().filter(e -> e.indicator() != null && e.indicator().kind() == IndicatorKind.FUNNEL_STEP_CONVERSION)
        .forEach(e -> boundFunnels.add(e.indicator().funnelId()));
    var nowSteps = pool(current, stageIds, boundFunnels);
    var beforeSteps = pool(previous, stageIds, boundFunnels);
    var byFunnel = new LinkedHashMap<String, List<FunnelStep>>();
    nowSteps.values().forEach(s -> byFunnel.computeIfAbsent(s.funnelId(), k -> new ArrayList<>()).add(s));
    var found = new ArrayList<DropOff>();
    for (var steps : byFunnel.values()) {
      for (var step : steps) {
        if (step.viewed() < MIN_N) {
          continue;
        }
        var conversion = Stats.proportion(Math.min(step.completed(), step.viewed()), step.viewed());
        DropOff best = null;
        var others = steps.stream().filter(s -> s != step && s.viewed() > 0)
            .mapToDouble(s -> 100.0 * Math.min(s.completed(), s.viewed()) / s.viewed()).sorted().toArray();
        if (others.length >= 2) {
          double reference = others.length % 2 == 1 ? others[others.length / 2]
              : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
          best = against(step, conversion, reference, "median of the funnel's other steps",
              reference * (100 - reference) / step.viewed());
        }
        var before = beforeSteps.get(key(step));
        if (before != null && before.viewed() >= MIN_N) {
          var previousConversion = Stats.proportion(Math.min(before.completed(), before.viewed()), before.viewed());
          var candidate = against(step, conversion, previousConversion.value(), "previous period",
              conversion.variance() + previousConversion.variance());
          if (candidate != null && (best == null || candidate.lostCompletions() > best.lostCompletions())) {
            best = candidate;
          }
        }
        if (best != null) {
          found.add(best);
        }
      }
    }
    found.sort(Comparator.comparingDouble(d -> -d.lostCompletions()));
    var ranked = new ArrayList<DropOff>();
    for (int i = 0; i < found.size(); i++) {
      ranked.add(found.get(i).ranked(i + 1));
    }
    return ranked;
  }

  private static DropOff against(FunnelStep step, Estimate conversion, double reference, String kind, double variance) {
    double gap = conversion.value() - reference;
    var test = Stats.of(gap, variance);
    if (gap >= 0 || !test.significant()) {
      return null;
    }
    return new DropOff(0, step.funnelId(), step.step(), step.stepOrder(), conversion, reference, kind, test.pValue(),
        step.viewed() * (reference - conversion.value()) / 100);
  }

  private static String key(FunnelStep s) {
    return s.funnelId() + "\u0000" + s.step();
  }

  /** The journey's funnel steps (events at its stages, or funnels bound in its blueprint) pooled over stages. */
  private static Map<String, FunnelStep> pool(Readings readings, Set<String> stageIds, Set<String> boundFunnels) {
    var pooled = new LinkedHashMap<String, FunnelStep>();
    for (var s : readings.funnelSteps()) {
      if (!stageIds.contains(s.stageId()) && !boundFunnels.contains(s.funnelId())) {
        continue;
      }
      pooled.merge(key(s), s, (a, b) -> new FunnelStep("", a.funnelId(), a.step(), a.stepOrder(),
          a.viewed() + b.viewed(), a.completed() + b.completed()));
    }
    return pooled;
  }
}
