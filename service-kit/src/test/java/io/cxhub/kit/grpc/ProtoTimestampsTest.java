package io.cxhub.kit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtoTimestampsTest {

  @Test
  void keepsSecondsAndNanos() {
    var instant = Instant.parse("2025-03-14T09:26:53.589793238Z");

    var timestamp = ProtoTimestamps.toProto(instant);

    assertThat(timestamp).isEqualTo(Timestamp.newBuilder().setSeconds(1_741_944_413L).setNanos(589_793_238).build());
    assertThat(ProtoTimestamps.toInstant(timestamp)).isEqualTo(instant);
  }

  @Test
  void anUnsetTimestampIsTheEpoch() {
    assertThat(ProtoTimestamps.toInstant(Timestamp.getDefaultInstance())).isEqualTo(Instant.EPOCH);
  }
}
