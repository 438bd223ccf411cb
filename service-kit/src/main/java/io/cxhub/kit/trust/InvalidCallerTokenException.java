package io.cxhub.kit.trust;

/** A caller token that is not to be trusted; the message says why (it goes back to the caller). */
public final class InvalidCallerTokenException extends Exception {

  public InvalidCallerTokenException(String message) {
    super(message);
  }

  public InvalidCallerTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
