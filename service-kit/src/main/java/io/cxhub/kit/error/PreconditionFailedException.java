package io.cxhub.kit.error;

/**
 * The request is well-formed but the resource is not in a state that allows it (e.g. a
 * response to a closed survey). Maps to FAILED_PRECONDITION; a {@link #reason()} travels as
 * a {@code google.rpc.ErrorInfo} (the gateway shows it as the problem's {@code reason}), so a
 * client can tell the states apart without parsing the message.
 */
public class PreconditionFailedException extends RuntimeException {

  private final String reason;

  public PreconditionFailedException(String message) {
    this(null, message);
  }

  /** @param reason UPPER_SNAKE_CASE, e.g. {@code LINK_PAUSED}; null for none */
  public PreconditionFailedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The machine-readable reason, or null. */
  public String reason() {
    return reason;
  }
}
