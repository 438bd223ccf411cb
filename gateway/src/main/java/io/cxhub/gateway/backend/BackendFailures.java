package io.cxhub.gateway.backend;

import io.grpc.Status;

/**
 * Which call outcomes count against a backend's circuit breaker: only those that say the
 * backend is down or overwhelmed. NOT_FOUND, INVALID_ARGUMENT and the like are answers
 * from a healthy backend and must not open the circuit.
 */
public final class BackendFailures {

  private BackendFailures() {}

  public static boolean isFailure(Throwable error) {
    Status.Code code = Status.fromThrowable(error).getCode();
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
  }
}
