package io.cxhub.kit.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** {@code google.protobuf.Timestamp} to and from {@link Instant}, to the nanosecond. */
public final class ProtoTimestamps {

  private ProtoTimestamps() {}

  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  public static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
