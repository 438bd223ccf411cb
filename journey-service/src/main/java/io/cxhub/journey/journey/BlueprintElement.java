package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.IndicatorBinding;
import java.util.List;

/**
 * An element of a stage's service blueprint: a lane, an owner team, fail and wait marks, an
 * optional live indicator, and the elements that come right before it in the service's
 * flow (which must form no cycle).
 */
public record BlueprintElement(
    String id,
    BlueprintLane lane,
    String name,
    String description,
    String touchpointId,
    String ownerTeam,
    boolean failPoint,
    boolean waitPoint,
    IndicatorBinding indicator,
    List<String> afterElementIds) {

  public BlueprintElement {
    id = Texts.id(id);
    lane = lane == null ? BlueprintLane.UNSPECIFIED : lane;
    name = Texts.clean(name);
    description = Texts.clean(description);
    touchpointId = Texts.id(touchpointId);
    ownerTeam = Texts.clean(ownerTeam);
    afterElementIds = afterElementIds == null ? List.of() : afterElementIds.stream().map(Texts::id).toList();
  }

  public static Builder builder(BlueprintLane lane, String name) {
    return new Builder(lane, name);
  }

  BlueprintElement withId(String newId) {
    return new BlueprintElement(newId, lane, name, description, touchpointId, ownerTeam, failPoint, waitPoint,
        indicator, afterElementIds);
  }

  /** Names the optional parts of an element. */
  public static final class Builder {
    private final BlueprintLane lane;
    private final String name;
    private String id = "";
    private String description = "";
    private String touchpointId = "";
    private String ownerTeam = "";
    private boolean failPoint;
    private boolean waitPoint;
    private IndicatorBinding indicator;
    private List<String> after = List.of();

    private Builder(BlueprintLane lane, String name) {
      this.lane = lane;
      this.name = name;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder touchpoint(String value) {
      touchpointId = value;
      return this;
    }

    public Builder ownerTeam(String value) {
      ownerTeam = value;
      return this;
    }

    public Builder failPoint(boolean value) {
      failPoint = value;
      return this;
    }

    public Builder waitPoint(boolean value) {
      waitPoint = value;
      return this;
    }

    public Builder indicator(IndicatorBinding value) {
      indicator = value;
      return this;
    }

    public Builder after(List<String> ids) {
      after = ids;
      return this;
    }

    public BlueprintElement build() {
      return new BlueprintElement(id, lane, name, description, touchpointId, ownerTeam, failPoint, waitPoint,
          indicator, after);
    }
  }
}
