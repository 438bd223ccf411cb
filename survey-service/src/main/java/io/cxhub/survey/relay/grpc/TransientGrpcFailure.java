package io.cxhub.survey.relay.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures worth retrying at once: the call did not reach metrics-service, timed out or was
 * shed. Used as the {@code retry-exception-predicate} of the {@code metrics} retry.
 */
public final class TransientGrpcFailure implements Predicate<Throwable> {

  static final Set<Status.Code> CODES = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

  @Override
  public boolean test(Throwable error) {
    return error instanceof StatusRuntimeException e && CODES.contains(e.getStatus().getCode());
  }
}
