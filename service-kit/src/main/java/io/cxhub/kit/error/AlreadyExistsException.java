package io.cxhub.kit.error;

/** A resource with the same unique key exists already. Maps to ALREADY_EXISTS. */
public class AlreadyExistsException extends RuntimeException {

  public AlreadyExistsException(String message) {
    super(message);
  }
}
