package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.Violations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a {@link JourneyMap} acceptable. Every problem is reported at once, each under
 * the path of its field in the request ({@code journey.stages[1].touchpoints[0].channel}).
 * Checked in two passes on one {@link Violations}: the form of every field on the map as
 * sent, then the references (touchpoints of a stage, blueprint flow, moments, opportunities)
 * on the map with its ids resolved, so that nothing is stored unless both pass.
 */
final class JourneyRules {

  static final int NAME_MAX = 120;
  static final int DESCRIPTION_MAX = 4000;
  static final int TEAM_MAX = 64;
  static final int GOAL_MAX = 500;
  static final int LIST_MAX = 20;
  static final int STAGES_MAX = 30;
  static final int TOUCHPOINTS_MAX = 50;
  static final int ELEMENTS_MAX = 100;
  static final int MOMENTS_MAX = 50;
  static final int OPPORTUNITIES_MAX = 100;
  static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final String ID_EXPECTED = "1 to 64 lowercase letters, digits, '_' or '-'";

  private JourneyRules() {}

  /** True when a list of the map is longer than its limit (the map is refused on its form alone). */
  static boolean oversized(JourneyMap journey) {
    return journey.stages().size() > STAGES_MAX
        || journey.stages().stream().anyMatch(s -> s.touchpoints().size() > TOUCHPOINTS_MAX || s.blueprint().size() > ELEMENTS_MAX)
        || journey.momentsOfTruth().size() > MOMENTS_MAX || journey.opportunities().size() > OPPORTUNITIES_MAX;
  }

  /** First pass: the form of every field, and explicit ids unique in their namespace. */
  static void checkForm(Violations v, JourneyMap journey) {
    v.requireText("journey.name", journey.name(), NAME_MAX);
    v.maxLength("journey.description", journey.description(), DESCRIPTION_MAX);
    v.maxLength("journey.owner_team", journey.ownerTeam(), TEAM_MAX);
    var stages = journey.stages();
    v.check(!stages.isEmpty(), "journey.stages", "must have at least 1 stage");
    v.check(stages.size() <= STAGES_MAX, "journey.stages", "must have at most " + STAGES_MAX + " stages");

    // id -> path of its first use: stages, touchpoints, elements and opportunities are four namespaces
    Map<String, String> stageIds = new HashMap<>();
    Map<String, String> touchpointIds = new HashMap<>();
    Map<String, String> elementIds = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      var stage = stages.get(i);
      String path = "journey.stages[" + i + "]";
      checkId(v, path + ".stage_id", stage.id(), stageIds);
      v.requireText(path + ".name", stage.name(), NAME_MAX);
      v.maxLength(path + ".description", stage.description(), DESCRIPTION_MAX);
      checkHypothesis(v, path, stage.hypothesis());
      var touchpoints = stage.touchpoints();
      v.check(touchpoints.size() <= TOUCHPOINTS_MAX, path + ".touchpoints",
          "must have at most " + TOUCHPOINTS_MAX + " touchpoints");
      for (int j = 0; j < touchpoints.size(); j++) {
        var touchpoint = touchpoints.get(j);
        String tpath = path + ".touchpoints[" + j + "]";
        checkId(v, tpath + ".touchpoint_id", touchpoint.id(), touchpointIds);
        v.requireText(tpath + ".name", touchpoint.name(), NAME_MAX);
        v.check(touchpoint.channel() != Channel.UNSPECIFIED, tpath + ".channel",
            "is required: a known channel, not CHANNEL_UNSPECIFIED");
        v.maxLength(tpath + ".description", touchpoint.description(), DESCRIPTION_MAX);
        v.maxLength(tpath + ".owner_team", touchpoint.ownerTeam(), TEAM_MAX);
      }
      var elements = stage.blueprint();
      v.check(elements.size() <= ELEMENTS_MAX, path + ".blueprint", "must have at most " + ELEMENTS_MAX + " elements");
      for (int j = 0; j < elements.size(); j++) {
        checkElement(v, path + ".blueprint[" + j + "]", elements.get(j), elementIds);
      }
    }
    v.check(journey.momentsOfTruth().size() <= MOMENTS_MAX, "journey.moments_of_truth",
        "must have at most " + MOMENTS_MAX + " moments");
    for (int i = 0; i < journey.momentsOfTruth().size(); i++) {
      var moment = journey.momentsOfTruth().get(i);
      String path = "journey.moments_of_truth[" + i + "]";
      v.requireText(path + ".title", moment.title(), NAME_MAX);
      v.maxLength(path + ".description", moment.description(), DESCRIPTION_MAX);
    }
    v.check(journey.opportunities().size() <= OPPORTUNITIES_MAX, "journey.opportunities",
        "must have at most " + OPPORTUNITIES_MAX + " opportunities");
    Map<String, String> opportunityIds = new HashMap<>();
    for (int i = 0; i < journey.opportunities().size(); i++) {
      var opportunity = journey.opportunities().get(i);
      String path = "journey.opportunities[" + i + "]";
      checkId(v, path + ".opportunity_id", opportunity.id(), opportunityIds);
      v.requireText(path + ".title", opportunity.title(), NAME_MAX);
      v.maxLength(path + ".description", opportunity.description(), DESCRIPTION_MAX);
    }
  }

  /**
   * Second pass, on the map with every id resolved: a blueprint element's touchpoint is one
   * of its stage's, its predecessors exist and the flow has no cycle; moments and
   * opportunities name a stage of the journey and a touchpoint of that stage.
   */
  static void checkReferences(Violations v, JourneyMap journey) {
    Set<String> stageIds = new HashSet<>();
    Map<String, String> stageOfTouchpoint = new HashMap<>();
    Map<String, String> elementPaths = new HashMap<>();
    Map<String, List<String>> predecessors = new HashMap<>();
    for (int i = 0; i < journey.stages().size(); i++) {
      var stage = journey.stages().get(i);
      stageIds.add(stage.id());
      stage.touchpoints().forEach(t -> stageOfTouchpoint.put(t.id(), stage.id()));
    }
    for (int i = 0; i < journey.stages().size(); i++) {
      Stage stage = journey.stages().get(i);
      for (int j = 0; j < stage.blueprint().size(); j++) {
        var element = stage.blueprint().get(j);
        String path = "journey.stages[" + i + "].blueprint[" + j + "]";
        elementPaths.putIfAbsent(element.id(), path);
        predecessors.put(element.id(), element.afterElementIds());
        if (!element.touchpointId().isEmpty() && !stage.id().equals(stageOfTouchpoint.get(element.touchpointId()))) {
          v.add(path + ".touchpoint_id", "must be a touchpoint of stage '" + stage.id() + "': '"
              + element.touchpointId() + "' is not");
        }
      }
    }
    for (var entry : elementPaths.entrySet()) {
      var after = predecessors.get(entry.getKey());
      for (int k = 0; k < after.size(); k++) {
        if (!elementPaths.containsKey(after.get(k))) {
          v.add(entry.getValue() + ".after_element_ids[" + k + "]",
              "must be the id of a blueprint element of the journey: '" + after.get(k) + "' is unknown");
        } else if (after.get(k).equals(entry.getKey())) {
          v.add(entry.getValue() + ".after_element_ids[" + k + "]", "must not name the element itself");
        }
      }
    }
    findCycle(predecessors).ifPresent(cycle -> v.add(elementPaths.get(cycle.get(0)) + ".after_element_ids",
        "must not form a cycle: " + String.join(" -> ", cycle)));
    for (int i = 0; i < journey.momentsOfTruth().size(); i++) {
      var m = journey.momentsOfTruth().get(i);
      checkPlace(v, "journey.moments_of_truth[" + i + "]", m.stageId(), m.touchpointId(), stageIds, stageOfTouchpoint);
    }
    for (int i = 0; i < journey.opportunities().size(); i++) {
      var o = journey.opportunities().get(i);
      checkPlace(v, "journey.opportunities[" + i + "]", o.stageId(), o.touchpointId(), stageIds, stageOfTouchpoint);
    }
  }

  private static void checkPlace(Violations v, String path, String stageId, String touchpointId,
      Set<String> stageIds, Map<String, String> stageOfTouchpoint) {
    if (stageId.isEmpty()) {
      v.add(path + ".stage_id", "is required");
    } else if (!stageIds.contains(stageId)) {
      v.add(path + ".stage_id", "must be a stage of the journey: '" + stageId + "' is unknown");
    } else if (!touchpointId.isEmpty() && !stageId.equals(stageOfTouchpoint.get(touchpointId))) {
      v.add(path + ".touchpoint_id", "must be a touchpoint of stage '" + stageId + "': '" + touchpointId + "' is not");
    }
  }

  private static void checkHypothesis(Violations v, String path, Journey.Hypothesis hypothesis) {
    v.maxLength(path + ".customer_goal", hypothesis.customerGoal(), GOAL_MAX);
    checkTexts(v, path + ".customer_actions", hypothesis.customerActions());
    checkTexts(v, path + ".thoughts", hypothesis.thoughts());
  }

  private static void checkTexts(Violations v, String path, List<String> texts) {
    v.check(texts.size() <= LIST_MAX, path, "must have at most " + LIST_MAX + " entries");
    for (int k = 0; k < texts.size(); k++) {
      v.maxLength(path + "[" + k + "]", texts.get(k), GOAL_MAX);
    }
  }

  private static void checkElement(Violations v, String path, BlueprintElement element, Map<String, String> ids) {
    checkId(v, path + ".element_id", element.id(), ids);
    v.check(element.lane() != BlueprintLane.UNSPECIFIED, path + ".lane",
        "is required: one of the blueprint lanes, not BLUEPRINT_LANE_UNSPECIFIED");
    v.requireText(path + ".name", element.name(), NAME_MAX);
    v.maxLength(path + ".description", element.description(), DESCRIPTION_MAX);
    v.maxLength(path + ".owner_team", element.ownerTeam(), TEAM_MAX);
    if (element.indicator() != null) {
      checkBinding(v, path + ".indicator", element.indicator());
    }
  }

  private static void checkBinding(Violations v, String path, IndicatorBinding binding) {
    switch (binding.kind().needs()) {
      case NOTHING -> v.check(binding.kind() != IndicatorKind.UNSPECIFIED, path + ".kind",
          "is required: one of the indicator kinds, not INDICATOR_KIND_UNSPECIFIED");
      case TEAM -> v.check(!binding.team().isEmpty(), path + ".team", "is required for " + binding.kind().label());
      case FUNNEL_STEP -> {
        v.check(!binding.funnelId().isEmpty(), path + ".funnel_id", "is required for a funnel step conversion");
        v.check(!binding.step().isEmpty(), path + ".step", "is required for a funnel step conversion");
      }
    }
    v.maxLength(path + ".team", binding.team(), TEAM_MAX);
    v.maxLength(path + ".funnel_id", binding.funnelId(), 128);
    v.maxLength(path + ".step", binding.step(), 128);
  }

  /** An explicit id must be well-formed and not used earlier in its namespace; empty is fine. */
  private static void checkId(Violations v, String field, String id, Map<String, String> seen) {
    if (id.isEmpty()) {
      return;
    }
    if (!ID.matcher(id).matches()) {
      v.add(field, "must be " + ID_EXPECTED);
      return;
    }
    String first = seen.putIfAbsent(id, field);
    if (first != null) {
      v.add(field, "must be unique in the journey: '" + id + "' is already used by " + first);
    }
  }

  /** A cycle of the "comes after" graph, as the ids along it (first repeated at the end), if any. */
  static java.util.Optional<List<String>> findCycle(Map<String, List<String>> predecessors) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (String start : new java.util.TreeSet<>(predecessors.keySet())) {
      if (state.containsKey(start)) {
        continue;
      }
      // iterative depth-first search: a stack of (node, next predecessor index)
      var path = new ArrayDeque<String>();
      var next = new ArrayDeque<Integer>();
      path.push(start);
      next.push(0);
      state.put(start, 1);
      while (!path.isEmpty()) {
        String node = path.peek();
        int index = next.pop();
        List<String> before = predecessors.getOrDefault(node, List.of());
        if (index < before.size()) {
          next.push(index + 1);
          String other = before.get(index);
          if (!predecessors.containsKey(other) || other.equals(node)) {
            continue; // unknown ids and self-references have their own message
          }
          Integer seen = state.get(other);
          if (seen == null) {
            state.put(other, 1);
            path.push(other);
            next.push(0);
          } else if (seen == 1) {
            var cycle = new ArrayList<String>();
            var nodes = new ArrayList<>(path);
            java.util.Collections.reverse(nodes);
            cycle.addAll(nodes.subList(nodes.indexOf(other), nodes.size()));
            cycle.add(other);
            return java.util.Optional.of(cycle);
          }
        } else {
          state.put(node, 2);
          path.pop();
        }
      }
    }
    return java.util.Optional.empty();
  }
}
