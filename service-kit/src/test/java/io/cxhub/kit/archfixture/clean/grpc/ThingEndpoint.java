package io.cxhub.kit.archfixture.clean.grpc;

import io.cxhub.kit.archfixture.clean.Thing;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.proto.common.v1.Channel;

class ThingEndpoint {

  Thing read(String name, Channel channel) {
    return new Thing(name, ProtoChannels.toDomain(channel));
  }
}
