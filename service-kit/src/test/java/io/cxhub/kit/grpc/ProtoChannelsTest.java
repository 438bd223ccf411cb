package io.cxhub.kit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtoChannelsTest {

  @Test
  void mapsEveryProtoChannelToTheDomainAndBack() {
    // fails when the contract gains a channel that the domain enum does not have yet
    Arrays.stream(io.cxhub.proto.common.v1.Channel.values())
        .filter(c -> c != io.cxhub.proto.common.v1.Channel.UNRECOGNIZED)
        .forEach(c -> assertThat(ProtoChannels.toProto(ProtoChannels.toDomain(c))).isEqualTo(c));
  }

  @Test
  void everyDomainChannelHasAProtoCounterpart() {
    Arrays.stream(Channel.values())
        .forEach(c -> assertThat(ProtoChannels.toDomain(ProtoChannels.toProto(c))).isEqualTo(c));
    assertThat(Channel.values()).hasSize(io.cxhub.proto.common.v1.Channel.values().length - 1);
  }

  @Test
  void keepsTheProtoOrder() {
    assertThat(Arrays.stream(Channel.values()).map(c -> ProtoChannels.toProto(c).getNumber()))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void readsUnspecifiedAndAnUnknownChannelNumberAsUnspecified() {
    assertThat(ProtoChannels.toDomain(io.cxhub.proto.common.v1.Channel.CHANNEL_UNSPECIFIED))
        .isEqualTo(Channel.UNSPECIFIED);
    assertThat(ProtoChannels.toDomain(io.cxhub.proto.common.v1.Channel.UNRECOGNIZED))
        .isEqualTo(Channel.UNSPECIFIED);
  }
}
