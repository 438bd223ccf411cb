package io.cxhub.journey.insight;

import java.util.List;

/** The seeds' tables for a journey and period. */
public record JourneyTablesView(Slice slice, boolean available, List<IrritantRow> irritants, List<LoyaltyRow> loyalty,
    List<String> notes) {

  /** Stage → detected irritant → action (status, measured impact). */
  public record IrritantRow(String stageId, String stageName, String irritant, String frictionId, double impact,
      String actionId, String actionTitle, String actionStatus, String measuredImpact) {}

  /** Stage → loyalty indicator → recommended action. */
  public record LoyaltyRow(String stageId, String stageName, String indicator, String value, String recommendedAction) {}
}
