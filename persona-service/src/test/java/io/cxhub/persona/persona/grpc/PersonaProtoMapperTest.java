package io.cxhub.persona.persona.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.persona.persona.Channel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PersonaProtoMapperTest {

  @Test
  void mapsEveryProtoChannelToTheDomainAndBack() {
    Arrays.stream(io.cxhub.proto.common.v1.Channel.values())
        .filter(c -> c != io.cxhub.proto.common.v1.Channel.UNRECOGNIZED)
        .forEach(c -> assertThat(PersonaProtoMapper.toProto(PersonaProtoMapper.toChannel(c))).isEqualTo(c));
    assertThat(Channel.values()).hasSize(io.cxhub.proto.common.v1.Channel.values().length - 1);
  }

  @Test
  void readsAnUnknownChannelNumberAsUnspecified() {
    assertThat(PersonaProtoMapper.toChannel(io.cxhub.proto.common.v1.Channel.UNRECOGNIZED))
        .isEqualTo(Channel.UNSPECIFIED);
  }
}
