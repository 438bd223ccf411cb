package io.cxhub.kit.grpc;

import io.grpc.Status;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link PeerFailure peer failures} worth retrying at once, for idempotent calls: the call
 * did not reach the peer, timed out or was shed. An INTERNAL or UNKNOWN failure is not
 * retried straight away (it would likely fail the same way), only counted by the breaker.
 * Used as a Resilience4j {@code retry-exception-predicate}.
 */
public final class TransientFailure implements Predicate<Throwable> {

  static final Set<Status.Code> CODES = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

  @Override
  public boolean test(Throwable error) {
    Status status = PeerFailure.statusOf(error);
    return status != null && CODES.contains(status.getCode());
  }
}
