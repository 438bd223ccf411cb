package io.cxhub.journey.insight;

import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.insight.Readings.ScoreCell;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which answers belong to which stage and touchpoint of a journey. A cell counts at a
 * touchpoint when it names it, and at a stage when it names the stage or one of the
 * stage's touchpoints (a survey may measure a touchpoint without naming its stage). Cells
 * naming neither are not the journey's.
 */
public final class Attribution {

  private final Map<ScoreKind, Map<String, List<Tally>>> byStage = new EnumMap<>(ScoreKind.class);
  private final Map<ScoreKind, Map<String, List<Tally>>> byTouchpoint = new EnumMap<>(ScoreKind.class);

  /** The stage of the journey a cell counts at, or null when it is not the journey's. */
  public static String stageOf(Journey journey, ScoreCell cell) {
    var byTouchpoint = journey.stageOfTouchpoint(cell.touchpointId());
    if (!cell.touchpointId().isEmpty() && byTouchpoint.isPresent()) {
      return byTouchpoint.get().id();
    }
    return journey.stage(cell.stageId()).map(Journey.Stage::id).orElse(null);
  }

  Attribution(Journey journey, Readings readings) {
    Map<String, String> stageOfTouchpoint = new HashMap<>();
    journey.stages().forEach(s -> s.touchpoints().forEach(t -> stageOfTouchpoint.put(t.id(), s.id())));
    var stageIds = journey.stages().stream().map(Journey.Stage::id).toList();
    for (var kind : ScoreKind.values()) {
      var stages = new HashMap<String, List<Tally>>();
      var touchpoints = new HashMap<String, List<Tally>>();
      for (ScoreCell cell : readings.cells(kind)) {
        String stage = stageOfTouchpoint.getOrDefault(cell.touchpointId(),
            stageIds.contains(cell.stageId()) ? cell.stageId() : null);
        if (stage == null) {
          continue;
        }
        stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(cell.tally());
        if (stageOfTouchpoint.containsKey(cell.touchpointId())) {
          touchpoints.computeIfAbsent(cell.touchpointId(), k -> new ArrayList<>()).add(cell.tally());
        }
      }
      byStage.put(kind, stages);
      byTouchpoint.put(kind, touchpoints);
    }
  }

  List<Tally> stage(ScoreKind kind, String stageId) {
    return byStage.get(kind).getOrDefault(stageId, List.of());
  }

  List<Tally> touchpoint(ScoreKind kind, String touchpointId) {
    return byTouchpoint.get(kind).getOrDefault(touchpointId, List.of());
  }

  /** Every answer of the kind at any stage of the journey. */
  List<Tally> journey(ScoreKind kind) {
    var all = new ArrayList<Tally>();
    byStage.get(kind).values().forEach(all::addAll);
    return all;
  }

  /**
   * The tallies pooled per scale, and the scale with the most answers (answers on different
   * scales are never added: CES 1-5 and 1-7 stay apart); null when there is no answer.
   */
  public static Tally dominant(List<Tally> tallies) {
    var pooled = new ArrayList<Tally>();
    for (var t : tallies) {
      boolean merged = false;
      for (int i = 0; i < pooled.size(); i++) {
        if (pooled.get(i).sameScale(t)) {
          pooled.set(i, pooled.get(i).plus(t));
          merged = true;
          break;
        }
      }
      if (!merged) {
        pooled.add(t);
      }
    }
    return pooled.stream().filter(t -> t.n() > 0).max(java.util.Comparator.comparingLong(Tally::n)).orElse(null);
  }
}
