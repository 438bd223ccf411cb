package io.cxhub.kit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeerFailureTest {

  final PeerFailure peerFailure = new PeerFailure();
  final TransientFailure transientFailure = new TransientFailure();

  @ParameterizedTest
  @EnumSource(value = Status.Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "ABORTED", "CANCELLED", "INTERNAL", "UNKNOWN"})
  void aPeerThatIsDownSlowShedOrBrokenIsAPeerFailure(Status.Code code) {
    assertThat(peerFailure.test(Status.fromCode(code).asRuntimeException())).isTrue();
    assertThat(peerFailure.test(Status.fromCode(code).asException())).isTrue();
    assertThat(PeerFailure.is(Status.fromCode(code).asRuntimeException())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Status.Code.class, names = {"OK", "INVALID_ARGUMENT", "NOT_FOUND", "ALREADY_EXISTS",
      "PERMISSION_DENIED", "FAILED_PRECONDITION", "OUT_OF_RANGE", "UNIMPLEMENTED", "DATA_LOSS", "UNAUTHENTICATED"})
  void aRefusalFromAHealthyPeerIsNot(Status.Code code) {
    assertThat(peerFailure.test(Status.fromCode(code).asRuntimeException())).isFalse();
    assertThat(transientFailure.test(Status.fromCode(code).asRuntimeException())).isFalse();
  }

  @Test
  void onlyFailuresThatMayPassAtOnceAreRetried() {
    assertThat(transientFailure.test(Status.UNAVAILABLE.asRuntimeException())).isTrue();
    assertThat(transientFailure.test(Status.DEADLINE_EXCEEDED.asRuntimeException())).isTrue();
    assertThat(transientFailure.test(Status.INTERNAL.asRuntimeException())).isFalse();
    assertThat(transientFailure.test(Status.CANCELLED.asRuntimeException())).isFalse();
  }

  @Test
  void anErrorOnTheCallersSideIsNotAPeerFailure() {
    assertThat(peerFailure.test(new IllegalStateException("bug"))).isFalse();
    assertThat(transientFailure.test(new IllegalStateException("bug"))).isFalse();
  }
}
