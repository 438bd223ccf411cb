package io.cxhub.kit.archfixture.leaky.mongo;

import io.cxhub.proto.common.v1.Channel;

public class LeakyStore {

  Channel channel;
}
