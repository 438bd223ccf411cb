package io.cxhub.kit.archfixture.leaky;

import io.grpc.Status;

public class LeakyDomain {

  Status status() {
    return Status.NOT_FOUND;
  }
}
