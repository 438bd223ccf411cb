package io.cxhub.metrics.alert.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures that say survey-service is unwell: the call did not reach it, timed out, was shed,
 * or it failed internally (e.g. its database is down). The {@code survey} circuit breaker
 * counts only these ({@code record-failure-predicate}); a refusal of the alert itself
 * (INVALID_ARGUMENT, NOT_FOUND, …) says nothing about the peer's health.
 */
public final class SurveyPeerFailure implements Predicate<Throwable> {

  static final Set<Status.Code> CODES = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED,
      Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.CANCELLED);

  @Override
  public boolean test(Throwable error) {
    return error instanceof StatusRuntimeException e && CODES.contains(e.getStatus().getCode());
  }
}
