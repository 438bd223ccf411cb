package io.cxhub.survey.relay.grpc;

import io.cxhub.kit.grpc.PeerFailure;
import io.cxhub.kit.grpc.TransientFailure;
import io.grpc.Status;
import java.util.function.Predicate;

/**
 * The relay's retry predicate (Resilience4j {@code retry-exception-predicate} of the
 * {@code metrics} instance): the kit's {@link TransientFailure transient failures} except a
 * deadline. Sending the same large batch again at once to a metrics-service that was too slow
 * for it only adds load; the relay sends a smaller one instead (MetricsRelay).
 */
public final class RetryBeforeShrinking implements Predicate<Throwable> {

  private final TransientFailure transientFailure = new TransientFailure();

  @Override
  public boolean test(Throwable error) {
    Status status = PeerFailure.statusOf(error);
    return transientFailure.test(error) && (status == null || status.getCode() != Status.Code.DEADLINE_EXCEEDED);
  }
}
