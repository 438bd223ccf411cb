package io.cxhub.journey.insight;

import io.cxhub.journey.journey.Journey;
import java.util.List;
import java.util.Map;

/**
 * The live journey: the map and, for each stage and touchpoint, its numbers over a period.
 * When metrics-service could not answer, {@code available} is false and the numbers are
 * empty.
 */
public record LiveJourneyView(
    Journey journey,
    Slice slice,
    boolean available,
    List<StageNumbers> stages,
    Map<ScoreKind, ScoreStat> total,
    List<String> notes) {

  /** The numbers of one place (stage or touchpoint). Scores may be missing (not measured). */
  public record PlaceNumbers(Map<ScoreKind, ScoreStat> scores, List<KpiStat> kpis) {

    public static final PlaceNumbers NONE = new PlaceNumbers(Map.of(), List.of());

    public long volume() {
      return scores.values().stream().mapToLong(s -> s.estimate().n()).max().orElse(0);
    }

    public ScoreStat score(ScoreKind kind) {
      return scores.get(kind);
    }
  }

  /** A stage's numbers and its measured satisfaction (0-100) beside the expected emotion. */
  public record StageNumbers(Journey.Stage stage, int position, PlaceNumbers numbers, Estimate satisfaction,
      List<TouchpointNumbers> touchpoints) {}

  /** A touchpoint's numbers. */
  public record TouchpointNumbers(Journey.Touchpoint touchpoint, PlaceNumbers numbers) {}
}
