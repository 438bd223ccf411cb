package io.cxhub.kit.error;

/**
 * A service this one depends on cannot be reached now; the caller may retry later.
 * Maps to UNAVAILABLE.
 */
public class DependencyUnavailableException extends RuntimeException {

  public DependencyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
