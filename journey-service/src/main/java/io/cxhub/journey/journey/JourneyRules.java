package io.cxhub.journey.journey;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.Violations;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a {@link JourneyDraft} acceptable. Every problem is reported at once, each
 * under the path of its field in the request ({@code journey.stages[1].touchpoints[0].channel}).
 */
final class JourneyRules {

  static final int NAME_MAX = 120;
  static final int DESCRIPTION_MAX = 4000;
  static final int STAGES_MAX = 30;
  static final int TOUCHPOINTS_MAX = 50;
  static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final String ID_EXPECTED = "1 to 64 lowercase letters, digits, '_' or '-'";

  private JourneyRules() {}

  static void check(JourneyDraft journey) {
    var v = new Violations();
    v.requireText("journey.name", journey.name(), NAME_MAX);
    v.maxLength("journey.description", journey.description(), DESCRIPTION_MAX);
    var stages = journey.stages();
    v.check(!stages.isEmpty(), "journey.stages", "must have at least 1 stage");
    v.check(stages.size() <= STAGES_MAX, "journey.stages", "must have at most " + STAGES_MAX + " stages");

    // id -> path of its first use: stage ids and touchpoint ids are two namespaces
    Map<String, String> stageIds = new HashMap<>();
    Map<String, String> touchpointIds = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      var stage = stages.get(i);
      String path = "journey.stages[" + i + "]";
      checkId(v, path + ".stage_id", stage.stageId(), stageIds);
      v.requireText(path + ".name", stage.name(), NAME_MAX);
      v.maxLength(path + ".description", stage.description(), DESCRIPTION_MAX);
      var touchpoints = stage.touchpoints();
      v.check(touchpoints.size() <= TOUCHPOINTS_MAX, path + ".touchpoints",
          "must have at most " + TOUCHPOINTS_MAX + " touchpoints");
      for (int j = 0; j < touchpoints.size(); j++) {
        var touchpoint = touchpoints.get(j);
        String tpath = path + ".touchpoints[" + j + "]";
        checkId(v, tpath + ".touchpoint_id", touchpoint.touchpointId(), touchpointIds);
        v.requireText(tpath + ".name", touchpoint.name(), NAME_MAX);
        v.check(touchpoint.channel() != Channel.UNSPECIFIED, tpath + ".channel",
            "is required: a known channel, not CHANNEL_UNSPECIFIED");
        v.maxLength(tpath + ".description", touchpoint.description(), DESCRIPTION_MAX);
      }
    }
    v.throwIfAny();
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
}
