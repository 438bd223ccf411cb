package io.cxhub.survey.relay.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Predicate;

/**
 * Failures that say the peer is unwell (transient failures plus INTERNAL and UNKNOWN, e.g.
 * its database is down); the {@code metrics} circuit breaker counts only these. A refusal
 * of the request itself (INVALID_ARGUMENT, …) says nothing about the peer's health.
 */
public final class PeerGrpcFailure implements Predicate<Throwable> {

  private final TransientGrpcFailure transientFailure = new TransientGrpcFailure();

  @Override
  public boolean test(Throwable error) {
    if (transientFailure.test(error)) {
      return true;
    }
    return error instanceof StatusRuntimeException e
        && (e.getStatus().getCode() == Status.Code.INTERNAL || e.getStatus().getCode() == Status.Code.UNKNOWN);
  }
}
