package io.cxhub.journey.journey.grpc;

import com.google.protobuf.Timestamp;
import io.cxhub.journey.journey.Channel;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.JourneyDraft;
import io.cxhub.journey.journey.JourneyDraft.StageDraft;
import io.cxhub.journey.journey.JourneyDraft.TouchpointDraft;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import java.time.Instant;
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
        toChannel(touchpoint.getChannel()), touchpoint.getDescription());
  }

  static io.cxhub.proto.journey.v1.Journey toProto(Journey journey) {
    var builder = io.cxhub.proto.journey.v1.Journey.newBuilder()
        .setJourneyId(journey.id())
        .setName(journey.name())
        .setDescription(journey.description())
        .setCreateTime(timestamp(journey.createTime()))
        .setUpdateTime(timestamp(journey.updateTime()));
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
            .setChannel(toProto(touchpoint.channel()))
            .setDescription(touchpoint.description()));
      }
      builder.addStages(stageBuilder);
    }
    return builder.build();
  }

  static List<io.cxhub.proto.journey.v1.Journey> toProto(List<Journey> journeys) {
    return journeys.stream().map(JourneyProtoMapper::toProto).toList();
  }

  static Channel toChannel(io.cxhub.proto.common.v1.Channel channel) {
    return switch (channel) {
      case CHANNEL_UNSPECIFIED, UNRECOGNIZED -> Channel.UNSPECIFIED;
      case CHANNEL_LINK -> Channel.LINK;
      case CHANNEL_EMAIL -> Channel.EMAIL;
      case CHANNEL_SMS -> Channel.SMS;
      case CHANNEL_MESSAGING -> Channel.MESSAGING;
      case CHANNEL_IN_APP -> Channel.IN_APP;
      case CHANNEL_WEB_WIDGET -> Channel.WEB_WIDGET;
      case CHANNEL_CHATBOT -> Channel.CHATBOT;
      case CHANNEL_KIOSK -> Channel.KIOSK;
      case CHANNEL_QR -> Channel.QR;
      case CHANNEL_SOCIAL -> Channel.SOCIAL;
      case CHANNEL_REVIEW -> Channel.REVIEW;
      case CHANNEL_SUPPORT -> Channel.SUPPORT;
    };
  }

  static io.cxhub.proto.common.v1.Channel toProto(Channel channel) {
    return switch (channel) {
      case UNSPECIFIED -> io.cxhub.proto.common.v1.Channel.CHANNEL_UNSPECIFIED;
      case LINK -> io.cxhub.proto.common.v1.Channel.CHANNEL_LINK;
      case EMAIL -> io.cxhub.proto.common.v1.Channel.CHANNEL_EMAIL;
      case SMS -> io.cxhub.proto.common.v1.Channel.CHANNEL_SMS;
      case MESSAGING -> io.cxhub.proto.common.v1.Channel.CHANNEL_MESSAGING;
      case IN_APP -> io.cxhub.proto.common.v1.Channel.CHANNEL_IN_APP;
      case WEB_WIDGET -> io.cxhub.proto.common.v1.Channel.CHANNEL_WEB_WIDGET;
      case CHATBOT -> io.cxhub.proto.common.v1.Channel.CHANNEL_CHATBOT;
      case KIOSK -> io.cxhub.proto.common.v1.Channel.CHANNEL_KIOSK;
      case QR -> io.cxhub.proto.common.v1.Channel.CHANNEL_QR;
      case SOCIAL -> io.cxhub.proto.common.v1.Channel.CHANNEL_SOCIAL;
      case REVIEW -> io.cxhub.proto.common.v1.Channel.CHANNEL_REVIEW;
      case SUPPORT -> io.cxhub.proto.common.v1.Channel.CHANNEL_SUPPORT;
    };
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
