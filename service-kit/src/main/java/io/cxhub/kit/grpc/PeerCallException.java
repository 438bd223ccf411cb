package io.cxhub.kit.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.grpc.Status;

/**
 * A call to a {@link Peer} that brought no answer: its circuit breaker is open, the call
 * failed in a way that says the peer is unwell ({@link PeerFailure}), or the peer refused the
 * request ({@link #refused()}). Unless its caller makes more of a refusal, the answer is
 * UNAVAILABLE: try later.
 */
public final class PeerCallException extends DependencyUnavailableException {

  private final transient Status status;

  private PeerCallException(String message, Status status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  static PeerCallException breakerOpen(String peer, Throwable cause) {
    return new PeerCallException(peer + " circuit breaker is open", null, cause);
  }

  static PeerCallException failed(String peer, Status status, Throwable cause) {
    return new PeerCallException(peer + ": " + status.getCode()
        + (status.getDescription() == null ? "" : " " + status.getDescription())
        + (PeerFailure.is(cause) ? "" : " (refused)"), status, cause);
  }

  /** The status the peer answered with; null when the circuit breaker did not let the call go. */
  public Status status() {
    return status;
  }

  /** The status code, or null when the circuit breaker did not let the call go. */
  public Status.Code code() {
    return status == null ? null : status.getCode();
  }

  /** True when a healthy peer refused the request (INVALID_ARGUMENT, NOT_FOUND, …): retrying it will not help. */
  public boolean refused() {
    return status != null && !PeerFailure.is(getCause());
  }
}
