package io.cxhub.journey.insight.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures that say a peer (metrics-service, survey-service) is unwell: the call did not
 * reach it, timed out, was shed, or it failed internally. The {@code metrics} and
 * {@code survey} circuit breakers count only these ({@code record-failure-predicate}); a
 * refusal of the request itself (INVALID_ARGUMENT, NOT_FOUND, …) says nothing about the
 * peer's health.
 */
public final class PeerFailure implements Predicate<Throwable> {

  static final Set<Status.Code> CODES = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
      Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.INTERNAL, Status.Code.UNKNOWN,
      Status.Code.CANCELLED);

  @Override
  public boolean test(Throwable error) {
    return error instanceof StatusRuntimeException e && CODES.contains(e.getStatus().getCode());
  }
}
