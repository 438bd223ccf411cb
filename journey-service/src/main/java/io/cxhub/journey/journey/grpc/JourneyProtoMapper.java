package io.cxhub.journey.journey.grpc;

import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.JourneyDraft;
import io.cxhub.journey.journey.JourneyDraft.StageDraft;
import io.cxhub.journey.journey.JourneyDraft.TouchpointDraft;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import java.util.List;

/**
 * Translates between the {@code cx.journey.v1} messages and the domain. Output-only
 * fields of a request (journey id, stage positions, times) are not read.
 */
final class JourneyProtoMapper {

  private JourneyProtoMapper() {}

  static JourneyDraft toDraft(io.cxhub.proto.journey.v1.Journey journey) {
    return new JourneyDraft(journey.getName(), journey.getDescription(),
        journey.getStagesList().stream().map(JourneyProtoMapper::toDraft).toList());
  }

  private static StageDraft toDraft(Stage stage) {
    return new StageDraft(stage.getStageId(), stage.getName(), stage.getDescription(),
        stage.getTouchpointsList().stream().map(JourneyProtoMapper::toDraft).toList());
  }

  private static TouchpointDraft toDraft(Touchpoint touchpoint) {
    return new TouchpointDraft(touchpoint.getTouchpointId(), touchpoint.getName(),
        ProtoChannels.toDomain(touchpoint.getChannel()), touchpoint.getDescription());
  }

  static io.cxhub.proto.journey.v1.Journey toProto(Journey journey) {
    var builder = io.cxhub.proto.journey.v1.Journey.newBuilder()
        .setJourneyId(journey.id())
        .setName(journey.name())
        .setDescription(journey.description())
        .setCreateTime(ProtoTimestamps.toProto(journey.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(journey.updateTime()));
    var stages = journey.stages();
    for (int i = 0; i < stages.size(); i++) {
      var stage = stages.get(i);
      var stageBuilder = Stage.newBuilder()
          .setStageId(stage.id())
          .setName(stage.name())
          .setDescription(stage.description())
          .setPosition(i + 1);
      for (var touchpoint : stage.touchpoints()) {
        stageBuilder.addTouchpoints(Touchpoint.newBuilder()
            .setTouchpointId(touchpoint.id())
            .setName(touchpoint.name())
            .setChannel(ProtoChannels.toProto(touchpoint.channel()))
            .setDescription(touchpoint.description()));
      }
      builder.addStages(stageBuilder);
    }
    return builder.build();
  }

  static List<io.cxhub.proto.journey.v1.Journey> toProto(List<Journey> journeys) {
    return journeys.stream().map(JourneyProtoMapper::toProto).toList();
  }
}
