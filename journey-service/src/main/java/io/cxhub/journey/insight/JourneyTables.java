package io.cxhub.journey.insight;

import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.insight.FrictionView.Friction;
import io.cxhub.journey.insight.FrictionView.Kind;
import io.cxhub.journey.insight.JourneyTablesView.IrritantRow;
import io.cxhub.journey.insight.JourneyTablesView.LoyaltyRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The seeds' tables from data: stage → detected irritant → action (the friction points of
 * the period and the actions on them), and stage → loyalty indicator → recommended action
 * (each stage's NPS and bound KPIs with a rule-based recommendation, in the spirit of the
 * seeds' tables: simplify a step that loses conversions, train the teams where first-contact
 * resolution is low, automate answers where the first response is slow, close the loop with
 * detractors where NPS is low).
 */
public final class JourneyTables {

  static final double FCR_TARGET = 70;
  static final double FRT_TARGET_SECONDS = 3600;

  private JourneyTables() {}

  public static JourneyTablesView of(LiveJourneyView live, FrictionView friction, List<ActionSummary> actions) {
    var journey = live.journey();
    var irritants = new ArrayList<IrritantRow>();
    var covered = new HashSet<String>();
    for (Friction f : friction.points()) {
      var place = f.place();
      var e = f.evidence();
      String stageName = journey.stage(place.stageId()).map(Journey.Stage::name).orElse(place.stageId());
      String irritant = String.format(Locale.ROOT, "%s%s: NPS %+.1f vs %+.1f for the rest (n=%d, p=%.4f, %s)",
          place.kind() == Kind.TOUCHPOINT ? "touchpoint " : "stage ", place.name(), e.nps().estimate().value(),
          e.rest().estimate().value(), e.nps().estimate().n(), e.gap().pValue(), e.trend().name().toLowerCase(Locale.ROOT));
      var matching = actions.stream().filter(a -> targets(a, f)).toList();
      if (matching.isEmpty()) {
        irritants.add(new IrritantRow(place.stageId(), stageName, irritant, place.frictionId(), f.impact().value(),
            "", "", "", ""));
      }
      for (var a : matching) {
        covered.add(a.actionId());
        irritants.add(new IrritantRow(place.stageId(), stageName, irritant, place.frictionId(), f.impact().value(),
            a.actionId(), a.title(), a.status(), a.measuredImpact()));
      }
    }
    for (var a : actions) {
      if (!covered.contains(a.actionId())) {
        String stageName = journey.stage(a.stageId()).map(Journey.Stage::name).orElse(a.stageId());
        irritants.add(new IrritantRow(a.stageId(), stageName, "no significant friction over this period",
            a.frictionId(), 0, a.actionId(), a.title(), a.status(), a.measuredImpact()));
      }
    }
    var loyalty = new ArrayList<LoyaltyRow>();
    var frictionStages = new HashSet<String>();
    friction.points().forEach(f -> frictionStages.add(f.place().stageId()));
    var dropSteps = new HashSet<String>();
    friction.dropOffs().forEach(d -> dropSteps.add(d.funnelId() + "/" + d.step()));
    for (var stage : live.stages()) {
      var s = stage.stage();
      var nps = stage.numbers().score(ScoreKind.NPS);
      if (nps != null) {
        loyalty.add(new LoyaltyRow(s.id(), s.name(), "NPS", describe(nps), recommendNps(nps, frictionStages.contains(s.id()))));
      }
      var kpis = new ArrayList<KpiStat>(stage.numbers().kpis());
      stage.touchpoints().forEach(t -> kpis.addAll(t.numbers().kpis()));
      for (var k : kpis) {
        if (k.binding().kind().isScore() || k.estimate().isEmpty()) {
          continue;
        }
        loyalty.add(new LoyaltyRow(s.id(), s.name(), label(k), describe(k), recommendKpi(k, dropSteps)));
      }
    }
    var notes = new ArrayList<>(friction.notes());
    notes.add("repurchase rate is not sliced by stage in metrics-service: it is not in the loyalty table");
    return new JourneyTablesView(live.slice(), live.available(), irritants, loyalty, notes);
  }

  private static boolean targets(ActionSummary a, Friction f) {
    var place = f.place();
    if (a.frictionId().equals(place.frictionId())) {
      return true;
    }
    return place.kind() == Kind.TOUCHPOINT ? a.touchpointId().equals(place.touchpointId())
        : a.touchpointId().isEmpty() && a.stageId().equals(place.stageId());
  }

  private static String describe(ScoreStat s) {
    var e = s.estimate();
    String text = String.format(Locale.ROOT, "NPS %+.1f [%.1f, %.1f] (n=%d)", e.value(), e.low(), e.high(), e.n());
    if (s.change() != null) {
      text += String.format(Locale.ROOT, "; %+.1f vs previous period%s", s.change().value(),
          s.change().significant() ? " (significant)" : "");
    }
    return text;
  }

  private static String recommendNps(ScoreStat s, boolean friction) {
    var e = s.estimate();
    if (friction) {
      return "Fix the stage's top irritant (see friction) and call back its detractors";
    }
    if (s.change() != null && s.change().significant() && s.change().value() < 0) {
      return "Investigate the significant drop since the previous period";
    }
    if (e.value() < 0) {
      return "Close the loop with detractors and review the stage's process";
    }
    if (e.value() >= 50) {
      return "Ask promoters for reviews and referrals";
    }
    return "Engage passives with personalised follow-up";
  }

  static String label(KpiStat k) {
    var b = k.binding();
    return switch (b.kind().needs()) {
      case TEAM -> b.kind().label() + " (team " + b.team() + ")";
      case FUNNEL_STEP -> "Conversion (" + b.funnelId() + "/" + b.step() + ")";
      case NOTHING -> b.kind().label();
    };
  }

  static String describe(KpiStat k) {
    var e = k.estimate();
    if (k.binding().kind() == IndicatorKind.AHT || k.binding().kind() == IndicatorKind.FRT) {
      return String.format(Locale.ROOT, "mean %s, median %s (n=%d)", io.cxhub.journey.insight.export.JourneyImages.duration(e.value()),
          io.cxhub.journey.insight.export.JourneyImages.duration(k.medianSeconds()), e.n());
    }
    return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f] (n=%d)", e.value(), e.low(), e.high(), e.n());
  }

  private static String recommendKpi(KpiStat k, java.util.Set<String> dropSteps) {
    var b = k.binding();
    var e = k.estimate();
    return switch (b.kind()) {
      case FCR -> e.value() < FCR_TARGET ? "Train the teams and give them a shared knowledge base"
          : "Keep it: share this team's practices";
      case FRT -> k.medianSeconds() > FRT_TARGET_SECONDS ? "Automate some answers and staff the peaks"
          : "Keep it: watch the peaks";
      case AHT -> k.medianSeconds() > FRT_TARGET_SECONDS ? "Shorten the process: remove waits, staff the peaks"
          : "Keep it: watch the peaks";
      case FUNNEL_STEP_CONVERSION -> dropSteps.contains(b.funnelId() + "/" + b.step())
          ? "Simplify the step: fewer mandatory fields, clearer content"
          : "Optimise contents and navigation";
      default -> "";
    };
  }

  /** The irritant table as CSV (RFC 4180, header first). */
  public static String irritantsCsv(JourneyTablesView view) {
    return csv(new String[] {"stage_id", "stage", "irritant", "friction_id", "impact_nps_points", "action_id", "action",
        "action_status", "measured_impact"}, view.irritants().stream().map(r -> new Object[] {r.stageId(), r.stageName(),
        r.irritant(), r.frictionId(), String.format(Locale.ROOT, "%.1f", r.impact()), r.actionId(), r.actionTitle(),
        r.actionStatus(), r.measuredImpact()}).toList());
  }

  /** The loyalty table as CSV. */
  public static String loyaltyCsv(JourneyTablesView view) {
    return csv(new String[] {"stage_id", "stage", "indicator", "value", "recommended_action"},
        view.loyalty().stream().map(r -> new Object[] {r.stageId(), r.stageName(), r.indicator(), r.value(),
            r.recommendedAction()}).toList());
  }

  private static String csv(String[] header, List<Object[]> rows) {
    var out = new StringWriter();
    try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      for (var row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
