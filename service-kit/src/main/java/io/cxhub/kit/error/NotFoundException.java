package io.cxhub.kit.error;

/**
 * The resource does not exist for the caller's tenant. Deliberately the same answer
 * whether it exists for another tenant or not at all. Maps to NOT_FOUND.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String resource, String id) {
    super(resource + " '" + id + "' not found");
  }
}
