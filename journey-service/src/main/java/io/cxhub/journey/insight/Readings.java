package io.cxhub.journey.insight;

import java.util.List;
import java.util.Map;

/**
 * What metrics-service reports for one slice: score cells by stage × touchpoint per
 * indicator, support KPIs per team, and funnel steps per stage.
 */
public record Readings(Map<ScoreKind, List<ScoreCell>> scores, List<TeamSupport> teams, List<FunnelStep> funnelSteps) {

  public Readings {
    scores = Map.copyOf(scores);
    teams = List.copyOf(teams);
    funnelSteps = List.copyOf(funnelSteps);
  }

  public List<ScoreCell> cells(ScoreKind kind) {
    return scores.getOrDefault(kind, List.of());
  }

  /** The answers of one indicator at one stage (may be empty) and touchpoint (may be empty). */
  public record ScoreCell(String stageId, String touchpointId, Tally tally) {}

  /**
   * Support KPIs of one team: first-contact resolutions among resolutions, handling and first
   * response times (n, mean and median in seconds).
   */
  public record TeamSupport(String team, long resolved, long firstContactResolved, Durations aht, Durations frt) {}

  /** A distribution of durations. */
  public record Durations(long n, double meanSeconds, double medianSeconds) {
    public static final Durations NONE = new Durations(0, 0, 0);
  }

  /** A funnel step's views and completions at one stage (empty when the events named none). */
  public record FunnelStep(String stageId, String funnelId, String step, int stepOrder, long viewed, long completed) {}
}
