package io.cxhub.gateway.admin;

import java.util.List;

/** Why an admin operation was refused; the gRPC adapter turns each kind into a status. */
public sealed class AdminException extends RuntimeException
    permits AdminException.InvalidInput, AdminException.NotFound, AdminException.AlreadyExists,
        AdminException.PermissionDenied, AdminException.Unauthenticated {

  AdminException(String message) {
    super(message, null, false, false);
  }

  /**
   * One invalid field.
   *
   * @param field path in the request message, proto names ({@code tenant.display_name})
   */
  public record Violation(String field, String description) {}

  /** The input breaks the rules; every bad field is listed. */
  public static final class InvalidInput extends AdminException {
    private final List<Violation> violations;

    InvalidInput(List<Violation> violations) {
      super(violations.size() == 1 ? violations.get(0).description()
          : "The request has " + violations.size() + " invalid fields.");
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** A tenant or key the request names does not exist. */
  public static final class NotFound extends AdminException {
    NotFound(String message) {
      super(message);
    }
  }

  /** The tenant to create exists already. */
  public static final class AlreadyExists extends AdminException {
    AlreadyExists(String message) {
      super(message);
    }
  }

  /** The caller may not do this (a role, scope or platform right it lacks). */
  public static final class PermissionDenied extends AdminException {
    PermissionDenied(String message) {
      super(message);
    }
  }

  /** The call names no valid caller key (only the gateway calls this service). */
  public static final class Unauthenticated extends AdminException {
    Unauthenticated(String message) {
      super(message);
    }
  }
}
