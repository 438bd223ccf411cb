package io.cxhub.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTest {

  @Test
  void readsAStoredName() {
    assertThat(Channel.fromName("IN_APP")).isEqualTo(Channel.IN_APP);
  }

  @Test
  void readsAMissingOrUnknownNameAsUnspecified() {
    assertThat(Channel.fromName(null)).isEqualTo(Channel.UNSPECIFIED);
    assertThat(Channel.fromName("CARRIER_PIGEON")).isEqualTo(Channel.UNSPECIFIED);
  }
}
