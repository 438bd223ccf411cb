package io.cxhub.journey.action;

import io.cxhub.journey.action.Actions.Position;
import io.cxhub.journey.action.Impact.Verdict;
import io.cxhub.journey.action.Impact.Window;
import io.cxhub.journey.action.ImprovementAction.Comparison;
import io.cxhub.journey.action.ImprovementAction.MeasurementPlan;
import io.cxhub.journey.action.ImprovementAction.Plan;
import io.cxhub.journey.action.ImprovementAction.Stamp;
import io.cxhub.journey.action.ImprovementAction.Target;
import io.cxhub.journey.insight.AlertSink;
import io.cxhub.journey.insight.AlertSink.Alert;
import io.cxhub.journey.insight.Attribution;
import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.Difference;
import io.cxhub.journey.insight.Estimate;
import io.cxhub.journey.insight.Indicators;
import io.cxhub.journey.insight.Indicators.IndicatorsUnavailableException;
import io.cxhub.journey.insight.Readings;
import io.cxhub.journey.insight.Slice;
import io.cxhub.journey.insight.Stats;
import io.cxhub.journey.insight.Tally;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.journey.JourneyCatalog.JourneyDeletionListener;
import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.StaleVersionException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The improvement-action use cases: create, read, list, update, move through the
 * lifecycle, delete, and measure the impact (on demand, or for every shipped action whose
 * after window has ended). Formulas in docs/journeys.md ("Action impact").
 */
public final class ImprovementActions implements JourneyDeletionListener, io.cxhub.journey.insight.ActionSummaries {

  private static final Logger log = LoggerFactory.getLogger(ImprovementActions.class);
  public static final Set<String> UPDATABLE = Set.of("title", "hypothesis", "owner_team", "target", "target_indicator",
      "target_value", "ship_date", "measurement");

  private final Actions actions;
  private final JourneyCatalog journeys;
  private final Indicators indicators;
  private final AlertSink alerts;
  private final Clock clock;

  public ImprovementActions(Actions actions, JourneyCatalog journeys, Indicators indicators, AlertSink alerts, Clock clock) {
    this.actions = Objects.requireNonNull(actions);
    this.journeys = Objects.requireNonNull(journeys);
    this.indicators = Objects.requireNonNull(indicators);
    this.alerts = Objects.requireNonNull(alerts);
    this.clock = Objects.requireNonNull(clock);
  }

  public ImprovementAction create(String tenantId, String journeyId, Plan plan, ActionStatus status) {
    var journey = journeys.get(tenantId, journeyId);
    var resolved = check(journey, plan);
    var initial = status == null ? ActionStatus.PROPOSED : status;
    if (initial == ActionStatus.MEASURED) {
      throw InvalidInputException.of("action.status", "cannot be ACTION_STATUS_MEASURED: measuring sets it");
    }
    if (initial == ActionStatus.SHIPPED && resolved.shipDate() == null) {
      resolved = resolved.shippedOn(today());
    }
    var now = now();
    var action = new ImprovementAction(tenantId, Ids.random(), journey.id(), resolved, initial, null, new Stamp(1, now, now));
    actions.add(action);
    return action;
  }

  public ImprovementAction get(String tenantId, String actionId) {
    if (actionId == null || actionId.isBlank()) {
      throw InvalidInputException.of("action_id", "is required");
    }
    return actions.find(tenantId, actionId).orElseThrow(() -> new NotFoundException("action", actionId));
  }

  /** A page of a journey's actions, newest first. */
  public Page list(String tenantId, String journeyId, ActionStatus status, int pageSize, String pageToken) {
    journeys.get(tenantId, journeyId);
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(journeyId, status));
    Position after = page.isFirst() ? null : parse(page.after());
    var found = actions.list(tenantId, journeyId, status, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new Page(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new Page(items, page.nextToken(last.stamp().createTime().toEpochMilli() + ":" + last.id()));
  }

  /** One page of actions. */
  public record Page(List<ImprovementAction> actions, String nextPageToken) {}

  public ImprovementAction update(String tenantId, String actionId, Plan changes, Set<String> mask, String etag) {
    new Violations().updateMask("update_mask", mask, UPDATABLE).throwIfAny();
    var current = get(tenantId, actionId);
    checkEtag(current, etag);
    Set<String> f = mask.isEmpty() ? UPDATABLE : mask;
    var old = current.plan();
    var merged = new Plan(
        f.contains("title") ? changes.title() : old.title(),
        f.contains("hypothesis") ? changes.hypothesis() : old.hypothesis(),
        f.contains("owner_team") ? changes.ownerTeam() : old.ownerTeam(),
        f.contains("target") ? changes.target() : old.target(),
        f.contains("target_indicator") ? changes.indicator() : old.indicator(),
        f.contains("target_value") ? changes.targetValue() : old.targetValue(),
        f.contains("ship_date") ? changes.shipDate() : old.shipDate(),
        f.contains("measurement") ? changes.measurement() : old.measurement());
    var journey = journeys.get(tenantId, current.journeyId());
    return store(current, current.with(check(journey, merged), current.status(), current.impact(), now()));
  }

  public ImprovementAction transition(String tenantId, String actionId, ActionStatus to, String etag) {
    if (to == null) {
      throw InvalidInputException.of("status", "is required");
    }
    var current = get(tenantId, actionId);
    checkEtag(current, etag);
    if (to == ActionStatus.MEASURED) {
      throw new PreconditionFailedException("an action becomes measured by MeasureAction, not by a transition");
    }
    if (!current.status().next().contains(to)) {
      throw new PreconditionFailedException("action '" + actionId + "' is " + current.status() + ": it may move to "
          + (current.status().next().isEmpty() ? "nothing" : current.status().next().toString()) + ", not " + to);
    }
    var plan = to == ActionStatus.SHIPPED && current.plan().shipDate() == null
        ? current.plan().shippedOn(today()) : current.plan();
    return store(current, current.with(plan, to, current.impact(), now()));
  }

  public void delete(String tenantId, String actionId) {
    get(tenantId, actionId);
    if (!actions.delete(tenantId, actionId)) {
      throw new NotFoundException("action", actionId);
    }
  }

  @Override
  public List<io.cxhub.journey.insight.ActionSummary> summaries(String tenantId, String journeyId) {
    var all = actions.list(tenantId, journeyId, null, null, 1000);
    return all.stream().map(a -> new io.cxhub.journey.insight.ActionSummary(a.id(), a.plan().title(),
        a.plan().target().frictionId(), a.plan().target().stageId(), a.plan().target().touchpointId(),
        "ACTION_STATUS_" + a.status().name(), describe(a.impact()))).toList();
  }

  /** The measured impact in words, e.g. "IMPROVED: +18.0 (DiD [9.1, 26.9], p=0.0001)". */
  static String describe(Impact impact) {
    if (impact == null) {
      return "";
    }
    var d = impact.did() == null ? impact.difference() : impact.did();
    return String.format(Locale.ROOT, "%s: %+.1f (%s [%.1f, %.1f], p=%.4f)", impact.verdict(), d.value(),
        impact.did() == null ? "after − before" : "DiD", d.low(), d.high(), d.pValue())
        + (impact.verdict() == Verdict.INCONCLUSIVE ? "; needs " + impact.requiredNPerWindow() + " answers per window" : "");
  }

  @Override
  public void journeyDeleted(String tenantId, String journeyId) {
    actions.deleteByJourney(tenantId, journeyId);
  }

  /**
   * Measures the action now, stores the measurement, moves it to MEASURED and fires
   * {@code action.measured}.
   *
   * @throws PreconditionFailedException when it is not shipped, its after window has not
   *     ended, or a window holds no answer of a group
   * @throws DependencyUnavailableException when metrics cannot answer
   */
  public ImprovementAction measure(String tenantId, String actionId) {
    var action = get(tenantId, actionId);
    if (action.status() != ActionStatus.SHIPPED && action.status() != ActionStatus.MEASURED) {
      throw new PreconditionFailedException("action '" + actionId + "' is " + action.status()
          + ": only a shipped (or measured) action can be measured");
    }
    var journey = journeys.get(tenantId, action.journeyId());
    Impact impact;
    try {
      impact = measure(journey, action);
    } catch (IndicatorsUnavailableException e) {
      throw new DependencyUnavailableException("metrics-service cannot answer now; measure again later", e);
    }
    var measured = store(action, action.with(action.plan(), ActionStatus.MEASURED, impact, now()));
    notifyMeasured(measured);
    return measured;
  }

  /** Measures every shipped action whose after window has ended (the periodic watch). */
  public int measureDue() {
    int measured = 0;
    for (var action : actions.shipped()) {
      var windows = windows(action.plan());
      if (windows == null || !windows.after().end().isBefore(today())) {
        continue;
      }
      try {
        measure(action.tenantId(), action.id());
        measured++;
      } catch (PreconditionFailedException e) {
        log.info("action not measurable yet tenant={} actionId={} reason={}", action.tenantId(), action.id(), e.getMessage());
      } catch (DependencyUnavailableException e) {
        log.warn("action measurement postponed tenant={} actionId={} cause={}", action.tenantId(), action.id(), e.getMessage());
        return measured;
      }
    }
    return measured;
  }

  /** The before and after windows of a plan; null without a ship date. */
  public static Windows windows(Plan plan) {
    if (plan.shipDate() == null) {
      return null;
    }
    int w = plan.measurement().windowDays();
    var before = DayRange.of(plan.shipDate().minusDays(w), w);
    var after = DayRange.of(plan.shipDate().plusDays(plan.measurement().settlingDays()), w);
    return new Windows(before, after);
  }

  /** Before and after windows. */
  public record Windows(DayRange before, DayRange after) {}

  Impact measure(Journey journey, ImprovementAction action) {
    var plan = action.plan();
    var windows = windows(plan);
    if (windows == null) {
      throw new PreconditionFailedException("action '" + action.id() + "' has no ship date");
    }
    if (!windows.after().end().isBefore(today())) {
      throw new PreconditionFailedException("the after window " + windows.after() + " has not ended yet: measure after "
          + windows.after().end());
    }
    var base = Slice.of(windows.before()).inSegment(plan.target().segment());
    var readings = indicators.read(journey.tenantId(), List.of(base, base.over(windows.after())),
        Indicators.Need.scores(plan.indicator()));
    Predicate<Readings.ScoreCell> inTarget = targetOf(journey, plan.target());
    Predicate<Readings.ScoreCell> inComparison = comparisonOf(journey, plan, inTarget);
    var kind = plan.indicator();
    var before = window(windows.before(), pool(readings.get(0), kind, inTarget), kind, "target", "before");
    var after = window(windows.after(), pool(readings.get(1), kind, inTarget), kind, "target", "after");
    var difference = Stats.difference(after.estimate(), before.estimate());
    Window compBefore = null;
    Window compAfter = null;
    Difference did = null;
    if (inComparison != null) {
      compBefore = window(windows.before(), pool(readings.get(0), kind, inComparison), kind, "comparison group", "before");
      compAfter = window(windows.after(), pool(readings.get(1), kind, inComparison), kind, "comparison group", "after");
      did = Stats.differenceInDifferences(difference, Stats.difference(compAfter.estimate(), compBefore.estimate()));
    }
    var decisive = did == null ? difference : did;
    Verdict verdict = !decisive.significant() ? Verdict.INCONCLUSIVE
        : decisive.value() > 0 ? Verdict.IMPROVED : Verdict.WORSENED;
    long required = 0;
    if (verdict == Verdict.INCONCLUSIVE) {
      double effect = plan.targetValue() != null && plan.targetValue() != before.estimate().value()
          ? plan.targetValue() - before.estimate().value() : decisive.value();
      double unitVariance = before.estimate().variance() * before.estimate().n();
      required = Stats.requiredN(effect, unitVariance, did == null ? 2 : 4);
    }
    boolean reached = plan.targetValue() != null && after.estimate().value() >= plan.targetValue();
    String method = (kind == io.cxhub.journey.insight.ScoreKind.NPS
        ? "NPS with adjusted-Wald variances" : kind + " favourable share with binomial variances")
        + "; difference after − before, z-test"
        + (did == null ? "" : "; difference-in-differences (target after − before) − (comparison after − before), "
            + "variances of the four groups summed, z-test; the verdict is on the difference-in-differences")
        + "; 95% intervals, significant at p < 0.05";
    return new Impact(now(), before, after, difference, compBefore, compAfter, did, verdict, required, reached, method);
  }

  private static Window window(DayRange days, Tally tally, io.cxhub.journey.insight.ScoreKind kind, String group, String side) {
    if (tally == null || tally.n() == 0) {
      throw new PreconditionFailedException("the " + side + " window " + days + " has no " + kind + " answer of the "
          + group + ": nothing to measure yet");
    }
    return new Window(days, Stats.headline(kind, tally));
  }

  private static Tally pool(Readings readings, io.cxhub.journey.insight.ScoreKind kind, Predicate<Readings.ScoreCell> in) {
    var cells = new ArrayList<Tally>();
    readings.cells(kind).stream().filter(in).forEach(c -> cells.add(c.tally()));
    return Attribution.dominant(cells);
  }

  private static Predicate<Readings.ScoreCell> targetOf(Journey journey, Target target) {
    if (!target.touchpointId().isEmpty()) {
      return c -> c.touchpointId().equals(target.touchpointId());
    }
    return c -> target.stageId().equals(Attribution.stageOf(journey, c));
  }

  private static Predicate<Readings.ScoreCell> comparisonOf(Journey journey, Plan plan, Predicate<Readings.ScoreCell> inTarget) {
    return switch (plan.measurement().comparison()) {
      case NONE -> null;
      case CONTROL_TOUCHPOINT -> c -> c.touchpointId().equals(plan.measurement().controlTouchpointId());
      case REST_OF_JOURNEY -> c -> Attribution.stageOf(journey, c) != null && !inTarget.test(c);
    };
  }

  private void notifyMeasured(ImprovementAction action) {
    var impact = action.impact();
    var decisive = impact.did() == null ? impact.difference() : impact.did();
    String title = String.format(Locale.ROOT, "action.measured: %s — %s %+.1f (%s, p=%.3f)", action.plan().title(),
        impact.verdict(), decisive.value(), impact.did() == null ? "after − before" : "DiD", decisive.pValue());
    try {
      alerts.fire(action.tenantId(), new Alert("action.measured:" + action.id() + ":" + impact.after().days().end(),
          title, impact.verdict() == Verdict.WORSENED ? "warning" : "info", action.plan().target().stageId(),
          action.plan().target().touchpointId()));
    } catch (IndicatorsUnavailableException e) {
      // the measurement is stored; the notification is best effort (the API shows the impact)
      log.warn("action.measured not delivered tenant={} actionId={} cause={}", action.tenantId(), action.id(), e.getMessage());
    }
  }

  /** Checks a plan against its journey; resolves a friction id into a stage or touchpoint. */
  static Plan check(Journey journey, Plan plan) {
    var v = new Violations();
    v.requireText("action.title", plan.title(), 120);
    v.maxLength("action.hypothesis", plan.hypothesis(), 4000);
    v.requireText("action.owner_team", plan.ownerTeam(), 64);
    v.check(plan.indicator() != null, "action.target_indicator", "is required: NPS, CSAT or CES");
    var target = plan.target();
    String stageId = target.stageId();
    String touchpointId = target.touchpointId();
    if (!target.frictionId().isEmpty()) {
      if (target.frictionId().startsWith("stage:") && stageId.isEmpty()) {
        stageId = target.frictionId().substring(6);
      } else if (target.frictionId().startsWith("touchpoint:") && touchpointId.isEmpty()) {
        touchpointId = target.frictionId().substring(11);
      } else if (!target.frictionId().startsWith("stage:") && !target.frictionId().startsWith("touchpoint:")) {
        v.add("action.target.friction_id", "must be 'stage:<id>' or 'touchpoint:<id>' (a FrictionPoint's friction_id)");
      }
    }
    if (stageId.isEmpty() && touchpointId.isEmpty()) {
      v.add("action.target", "must name a stage, a touchpoint or a friction point of the journey");
    }
    if (!stageId.isEmpty() && journey.stage(stageId).isEmpty()) {
      v.add(target.stageId().isEmpty() ? "action.target.friction_id" : "action.target.stage_id",
          "must be a stage of the journey: '" + stageId + "' is unknown");
    }
    if (!touchpointId.isEmpty()) {
      var owner = journey.stageOfTouchpoint(touchpointId);
      if (owner.isEmpty()) {
        v.add(target.touchpointId().isEmpty() ? "action.target.friction_id" : "action.target.touchpoint_id",
            "must be a touchpoint of the journey: '" + touchpointId + "' is unknown");
      } else if (!stageId.isEmpty() && !owner.get().id().equals(stageId)) {
        v.add("action.target.touchpoint_id", "must be a touchpoint of stage '" + stageId + "'");
      } else if (stageId.isEmpty()) {
        stageId = owner.get().id();
      }
    }
    v.maxLength("action.target.segment", target.segment(), 64);
    var m = plan.measurement();
    v.check(m.windowDays() >= 7 && m.windowDays() <= 180, "action.measurement.window_days", "must be from 7 to 180");
    v.check(m.settlingDays() >= 0 && m.settlingDays() <= 90, "action.measurement.settling_days", "must be from 0 to 90");
    if (m.comparison() == Comparison.CONTROL_TOUCHPOINT) {
      if (m.controlTouchpointId().isEmpty()) {
        v.add("action.measurement.control_touchpoint_id", "is required with COMPARISON_KIND_CONTROL_TOUCHPOINT");
      } else if (journey.touchpoint(m.controlTouchpointId()).isEmpty()) {
        v.add("action.measurement.control_touchpoint_id", "must be a touchpoint of the journey: '"
            + m.controlTouchpointId() + "' is unknown");
      } else if (m.controlTouchpointId().equals(touchpointId)
          || (touchpointId.isEmpty() && journey.stageOfTouchpoint(m.controlTouchpointId()).map(s -> s.id()).orElse("").equals(stageId))) {
        v.add("action.measurement.control_touchpoint_id", "must not be part of the action's target");
      }
    }
    if (plan.targetValue() != null) {
      double min = plan.indicator() == io.cxhub.journey.insight.ScoreKind.NPS ? -100 : 0;
      v.check(plan.targetValue() >= min && plan.targetValue() <= 100, "action.target_value",
          "must be from " + (int) min + " to 100");
    }
    v.throwIfAny();
    return new Plan(plan.title(), plan.hypothesis(), plan.ownerTeam(),
        new Target(target.frictionId(), stageId, touchpointId, target.segment()), plan.indicator(), plan.targetValue(),
        plan.shipDate(), plan.measurement());
  }

  private ImprovementAction store(ImprovementAction current, ImprovementAction updated) {
    if (!actions.replace(updated, current.stamp().version())) {
      var now = actions.find(current.tenantId(), current.id()).orElseThrow(() -> new NotFoundException("action", current.id()));
      throw new StaleVersionException("action", current.id(), current.etag(), now.etag());
    }
    return updated;
  }

  private static void checkEtag(ImprovementAction current, String etag) {
    StaleVersionException.check("action", current.id(), etag, current.etag());
  }

  private static Position parse(String after) {
    int colon = after.indexOf(':');
    try {
      return new Position(Instant.ofEpochMilli(Long.parseLong(after.substring(0, colon))), after.substring(colon + 1));
    } catch (RuntimeException e) {
      throw InvalidInputException.of("page_token", "is not a token this list issued");
    }
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
