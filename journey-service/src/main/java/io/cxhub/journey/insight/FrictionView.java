package io.cxhub.journey.insight;

import io.cxhub.journey.insight.Feedback.Verbatim;
import java.util.List;

/** Friction points of a journey over a period, ranked by impact. */
public record FrictionView(
    Slice slice,
    boolean available,
    ScoreStat journeyNps,
    double medianStageNps,
    double medianTouchpointNps,
    List<Friction> points,
    List<DropOff> dropOffs,
    List<String> notes) {

  /** Stage or touchpoint. */
  public enum Kind { STAGE, TOUCHPOINT }

  /** How a friction point evolves versus the previous period. */
  public enum Trend { NEW, WORSENING, IMPROVING, PERSISTING }

  /** A place of the journey: a stage, or a touchpoint with its stage. */
  public record Place(Kind kind, String stageId, String touchpointId, String name) {

    /** Stable id across periods: {@code stage:<id>} or {@code touchpoint:<id>}. */
    public String frictionId() {
      return kind == Kind.STAGE ? "stage:" + stageId : "touchpoint:" + touchpointId;
    }
  }

  /**
   * A friction point. {@code impact} is in NPS points of the whole journey, with its 95%
   * interval; {@code customersAffected} the detractors at the place.
   */
  public record Friction(int rank, Place place, Difference impact, long customersAffected, Evidence evidence,
      Revenue revenueAtRisk) {

    Friction ranked(int newRank) {
      return new Friction(newRank, place, impact, customersAffected, evidence, revenueAtRisk);
    }

    Friction withEvidence(Evidence newEvidence) {
      return new Friction(rank, place, impact, customersAffected, newEvidence, revenueAtRisk);
    }

    Friction withRevenue(Revenue revenue) {
      return new Friction(rank, place, impact, customersAffected, evidence, revenue);
    }
  }

  /**
   * Detractors' customer value at a place: the sum of the CLV estimates of the distinct
   * detractor customers that persona-service has valued ({@code valuedCustomers} of the
   * {@code identifiedCustomers} ids found on detractor responses), in {@code currency}.
   */
  public record Revenue(double amount, String currency, long identifiedCustomers, long valuedCustomers) {}

  /** Why it is a friction point. */
  public record Evidence(ScoreStat nps, ScoreStat rest, Difference gap, Trend trend, List<Verbatim> verbatims,
      List<Theme> themes) {

    Evidence withVerbatims(List<Verbatim> found) {
      return new Evidence(nps, rest, gap, trend, found, themes);
    }

    Evidence withThemes(List<Theme> found) {
      return new Evidence(nps, rest, gap, trend, verbatims, found);
    }
  }

  /**
   * A text theme of the comments at a place: volume, negative mentions and their share of
   * the place's comments, the NPS of mentioners minus the others' ({@code npsImpact} NaN
   * when a group has no NPS answer, with its 95% interval), sample negative comments.
   */
  public record Theme(String themeId, String labelFr, String labelEn, long volume, long negative, double negativeShare,
      double npsImpact, double npsImpactLow, double npsImpactHigh, List<ThemeSample> samples) {}

  /** A comment behind a theme with the theme's evidence spans. */
  public record ThemeSample(String responseId, String surveyId, String text, List<Highlight> highlights) {}

  /** A span of a comment, [start, end) in UTF-16 code units, and its characters. */
  public record Highlight(int start, int end, String text) {}

  /**
   * A funnel step converting significantly worse than its reference. Conversions in percent.
   */
  public record DropOff(int rank, String funnelId, String step, int stepOrder, Estimate conversion,
      double reference, String referenceKind, double pValue, double lostCompletions) {

    DropOff ranked(int newRank) {
      return new DropOff(newRank, funnelId, step, stepOrder, conversion, reference, referenceKind, pValue, lostCompletions);
    }
  }
}
