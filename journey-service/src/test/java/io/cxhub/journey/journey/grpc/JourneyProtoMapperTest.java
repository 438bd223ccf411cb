package io.cxhub.journey.journey.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.journey.journey.Channel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JourneyProtoMapperTest {

  @Test
  void mapsEveryProtoChannelToTheDomainAndBack() {
    Arrays.stream(io.cxhub.proto.common.v1.Channel.values())
        .filter(c -> c != io.cxhub.proto.common.v1.Channel.UNRECOGNIZED)
        .forEach(c -> assertThat(JourneyProtoMapper.toProto(JourneyProtoMapper.toChannel(c))).isEqualTo(c));
    assertThat(Channel.values()).hasSize(io.cxhub.proto.common.v1.Channel.values().length - 1);
  }

  @Test
  void readsAnUnknownChannelNumberAsUnspecified() {
    assertThat(JourneyProtoMapper.toChannel(io.cxhub.proto.common.v1.Channel.UNRECOGNIZED))
        .isEqualTo(Channel.UNSPECIFIED);
  }
}
