package io.cxhub.kit.grpc;

import io.cxhub.kit.domain.Channel;

/**
 * Maps {@code cx.common.v1.Channel} to the domain {@link Channel} and back, by name: a
 * proto constant is the domain name with a {@code CHANNEL_} prefix. A channel added to the
 * contract therefore needs only its domain constant (ProtoChannelsTest fails until it is added).
 */
public final class ProtoChannels {

  private static final String PREFIX = "CHANNEL_";

  private ProtoChannels() {}

  /**
   * The domain channel of a proto value. {@code CHANNEL_UNSPECIFIED} and a number this
   * version does not know ({@code UNRECOGNIZED}, sent by a newer client) both read as
   * {@link Channel#UNSPECIFIED}; the use case decides what "not given" means.
   */
  public static Channel toDomain(io.cxhub.proto.common.v1.Channel channel) {
    if (channel == io.cxhub.proto.common.v1.Channel.UNRECOGNIZED) {
      return Channel.UNSPECIFIED;
    }
    return Channel.valueOf(channel.name().substring(PREFIX.length()));
  }

  /** The proto value of a domain channel ({@link Channel#UNSPECIFIED} → {@code CHANNEL_UNSPECIFIED}). */
  public static io.cxhub.proto.common.v1.Channel toProto(Channel channel) {
    return io.cxhub.proto.common.v1.Channel.valueOf(PREFIX + channel.name());
  }
}
