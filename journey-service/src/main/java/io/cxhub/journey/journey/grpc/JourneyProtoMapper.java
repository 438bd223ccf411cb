package io.cxhub.journey.journey.grpc;

import io.cxhub.journey.journey.BlueprintElement;
import io.cxhub.journey.journey.BlueprintLane;
import io.cxhub.journey.journey.Emotion;
import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journey.Hypothesis;
import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.Journey.MomentOfTruth;
import io.cxhub.journey.journey.Journey.Opportunity;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.JourneyMap;
import io.cxhub.journey.journey.JourneyState;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import java.util.List;

/**
 * Translates between the {@code cx.journey.v1} journey messages and the domain. Output-only
 * fields of a request (journey id, stage positions, times, state, etag) are not read.
 * Public so that the insight and action adapters map journeys the same way.
 */
public final class JourneyProtoMapper {

  private JourneyProtoMapper() {}

  public static JourneyMap toMap(io.cxhub.proto.journey.v1.Journey journey) {
    return new JourneyMap(journey.getName(), journey.getDescription(), journey.getOwnerTeam(),
        journey.getStagesList().stream().map(JourneyProtoMapper::toStage).toList(),
        journey.getMomentsOfTruthList().stream().map(m ->
            new MomentOfTruth(m.getStageId(), m.getTouchpointId(), m.getTitle(), m.getDescription())).toList(),
        journey.getOpportunitiesList().stream().map(o -> new Opportunity(o.getOpportunityId(), o.getStageId(),
            o.getTouchpointId(), o.getTitle(), o.getDescription())).toList());
  }

  private static Stage toStage(io.cxhub.proto.journey.v1.Stage stage) {
    return new Stage(stage.getStageId(), stage.getName(), stage.getDescription(),
        stage.getTouchpointsList().stream().map(t -> new Touchpoint(t.getTouchpointId(), t.getName(),
            ProtoChannels.toDomain(t.getChannel()), t.getDescription(), t.getOwnerTeam())).toList(),
        new Hypothesis(stage.getCustomerGoal(), stage.getCustomerActionsList(), stage.getThoughtsList(),
            Emotion.fromName(stage.getExpectedEmotion().name().replace("EMOTION_", ""))),
        stage.getBlueprintList().stream().map(JourneyProtoMapper::toElement).toList());
  }

  private static BlueprintElement toElement(io.cxhub.proto.journey.v1.BlueprintElement e) {
    return BlueprintElement.builder(BlueprintLane.fromName(e.getLane().name().replace("BLUEPRINT_LANE_", "")), e.getName())
        .id(e.getElementId())
        .description(e.getDescription())
        .touchpoint(e.getTouchpointId())
        .ownerTeam(e.getOwnerTeam())
        .failPoint(e.getFailPoint())
        .waitPoint(e.getWaitPoint())
        .indicator(e.hasIndicator() ? toBinding(e.getIndicator()) : null)
        .after(e.getAfterElementIdsList())
        .build();
  }

  public static IndicatorBinding toBinding(io.cxhub.proto.journey.v1.IndicatorBinding b) {
    return new IndicatorBinding(IndicatorKind.fromName(b.getKind().name().replace("INDICATOR_KIND_", "")),
        b.getTeam(), b.getFunnelId(), b.getStep());
  }

  public static io.cxhub.proto.journey.v1.IndicatorBinding toProto(IndicatorBinding b) {
    return io.cxhub.proto.journey.v1.IndicatorBinding.newBuilder()
        .setKind(io.cxhub.proto.journey.v1.IndicatorKind.valueOf("INDICATOR_KIND_" + b.kind().name()))
        .setTeam(b.team()).setFunnelId(b.funnelId()).setStep(b.step()).build();
  }

  public static io.cxhub.proto.journey.v1.JourneyState toProto(JourneyState state) {
    return state == JourneyState.ARCHIVED
        ? io.cxhub.proto.journey.v1.JourneyState.JOURNEY_STATE_ARCHIVED
        : io.cxhub.proto.journey.v1.JourneyState.JOURNEY_STATE_ACTIVE;
  }

  public static io.cxhub.proto.journey.v1.Emotion toProto(Emotion emotion) {
    return io.cxhub.proto.journey.v1.Emotion.valueOf("EMOTION_" + emotion.name());
  }

  public static io.cxhub.proto.journey.v1.Journey toProto(Journey journey) {
    var map = journey.map();
    var builder = io.cxhub.proto.journey.v1.Journey.newBuilder()
        .setJourneyId(journey.id())
        .setName(map.name())
        .setDescription(map.description())
        .setOwnerTeam(map.ownerTeam())
        .setState(toProto(journey.state()))
        .setEtag(journey.etag())
        .setCreateTime(ProtoTimestamps.toProto(journey.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(journey.updateTime()));
    var stages = map.stages();
    for (int i = 0; i < stages.size(); i++) {
      builder.addStages(toProto(stages.get(i), i + 1));
    }
    map.momentsOfTruth().forEach(m -> builder.addMomentsOfTruth(io.cxhub.proto.journey.v1.MomentOfTruth.newBuilder()
        .setStageId(m.stageId()).setTouchpointId(m.touchpointId()).setTitle(m.title()).setDescription(m.description())));
    map.opportunities().forEach(o -> builder.addOpportunities(io.cxhub.proto.journey.v1.Opportunity.newBuilder()
        .setOpportunityId(o.id()).setStageId(o.stageId()).setTouchpointId(o.touchpointId()).setTitle(o.title())
        .setDescription(o.description())));
    return builder.build();
  }

  private static io.cxhub.proto.journey.v1.Stage toProto(Stage stage, int position) {
    var h = stage.hypothesis();
    var builder = io.cxhub.proto.journey.v1.Stage.newBuilder()
        .setStageId(stage.id())
        .setName(stage.name())
        .setDescription(stage.description())
        .setPosition(position)
        .setCustomerGoal(h.customerGoal())
        .addAllCustomerActions(h.customerActions())
        .addAllThoughts(h.thoughts())
        .setExpectedEmotion(toProto(h.expectedEmotion()));
    for (var touchpoint : stage.touchpoints()) {
      builder.addTouchpoints(io.cxhub.proto.journey.v1.Touchpoint.newBuilder()
          .setTouchpointId(touchpoint.id())
          .setName(touchpoint.name())
          .setChannel(ProtoChannels.toProto(touchpoint.channel()))
          .setDescription(touchpoint.description())
          .setOwnerTeam(touchpoint.ownerTeam()));
    }
    for (var e : stage.blueprint()) {
      var element = io.cxhub.proto.journey.v1.BlueprintElement.newBuilder()
          .setElementId(e.id())
          .setLane(io.cxhub.proto.journey.v1.BlueprintLane.valueOf("BLUEPRINT_LANE_" + e.lane().name()))
          .setName(e.name())
          .setDescription(e.description())
          .setTouchpointId(e.touchpointId())
          .setOwnerTeam(e.ownerTeam())
          .setFailPoint(e.failPoint())
          .setWaitPoint(e.waitPoint())
          .addAllAfterElementIds(e.afterElementIds());
      if (e.indicator() != null) {
        element.setIndicator(toProto(e.indicator()));
      }
      builder.addBlueprint(element);
    }
    return builder.build();
  }

  public static List<io.cxhub.proto.journey.v1.Journey> toProto(List<Journey> journeys) {
    return journeys.stream().map(JourneyProtoMapper::toProto).toList();
  }

  public static JourneyState toDomain(io.cxhub.proto.journey.v1.JourneyState state) {
    return state == io.cxhub.proto.journey.v1.JourneyState.JOURNEY_STATE_ARCHIVED ? JourneyState.ARCHIVED : JourneyState.ACTIVE;
  }
}
