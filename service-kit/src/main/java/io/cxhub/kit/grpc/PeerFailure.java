package io.cxhub.kit.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures of a gRPC call that say the <em>peer</em> is unwell: the call did not reach it,
 * timed out, was shed or cancelled, or the peer failed internally (e.g. its database is
 * down). Every client of another CX Hub service decides with it whether to answer
 * UNAVAILABLE (try later) rather than pass on a refusal, and its circuit breaker counts only
 * these ({@code record-failure-predicate: io.cxhub.kit.grpc.PeerFailure}). A refusal of the
 * request itself (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, …) comes from a healthy
 * peer and says nothing about its health. Anything that is not a gRPC status (a bug on the
 * caller's side) is not a peer failure either.
 */
public final class PeerFailure implements Predicate<Throwable> {

  static final Set<Status.Code> CODES = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED,
      Status.Code.CANCELLED, Status.Code.INTERNAL, Status.Code.UNKNOWN);

  @Override
  public boolean test(Throwable error) {
    return is(error);
  }

  /** The predicate as a static method, for callers that hold no instance. */
  public static boolean is(Throwable error) {
    Status status = statusOf(error);
    return status != null && CODES.contains(status.getCode());
  }

  /** The gRPC status of a failure, or null when it is not a gRPC failure. */
  public static Status statusOf(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return e.getStatus();
    }
    if (error instanceof StatusException e) {
      return e.getStatus();
    }
    return null;
  }
}
