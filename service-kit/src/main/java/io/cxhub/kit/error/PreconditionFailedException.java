package io.cxhub.kit.error;

/**
 * The request is well-formed but the resource is not in a state that allows it (e.g. a
 * response to a closed survey). Maps to FAILED_PRECONDITION.
 */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String message) {
    super(message);
  }
}
