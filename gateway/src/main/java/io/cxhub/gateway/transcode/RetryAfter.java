package io.cxhub.gateway.transcode;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;

/**
 * The {@code Retry-After} seconds of a refused call: from the {@code google.rpc.RetryInfo}
 * detail a backend attaches to RESOURCE_EXHAUSTED or UNAVAILABLE, rounded up to a whole second.
 */
final class RetryAfter {

  private RetryAfter() {}

  static Optional<Long> of(Throwable error) {
    Status.Code code = Status.fromThrowable(error).getCode();
    if (code != Status.Code.RESOURCE_EXHAUSTED && code != Status.Code.UNAVAILABLE) {
      return Optional.empty();
    }
    var status = StatusProto.fromThrowable(error);
    if (status == null) {
      return Optional.empty();
    }
    for (var detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          var delay = detail.unpack(RetryInfo.class).getRetryDelay();
          return Optional.of(Math.max(1, delay.getSeconds() + (delay.getNanos() > 0 ? 1 : 0)));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
