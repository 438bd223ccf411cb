package io.cxhub.gateway.session;

import io.cxhub.gateway.problem.FieldViolation;
import java.util.List;

/** Why a sign-in operation was refused; the endpoints turn each kind into a problem. */
public sealed class SessionException extends RuntimeException
    permits SessionException.InvalidInput, SessionException.BadCredentials, SessionException.NotFound,
        SessionException.Conflict {

  SessionException(String message) {
    super(message, null, false, false);
  }

  /** 400: the fields named are invalid. */
  public static final class InvalidInput extends SessionException {
    private final List<FieldViolation> violations;

    InvalidInput(List<FieldViolation> violations) {
      super(violations.size() == 1 ? violations.get(0).message()
          : "The request has " + violations.size() + " invalid fields.");
      this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
      return violations;
    }
  }

  /** 401: unknown e-mail or wrong password (the two are not told apart). */
  public static final class BadCredentials extends SessionException {
    BadCredentials() {
      super("The e-mail address or the password is wrong.");
    }
  }

  /** 404: the invitation is unknown, used or expired (not told apart). */
  public static final class NotFound extends SessionException {
    NotFound(String message) {
      super(message);
    }
  }

  /** 409: e.g. the invited e-mail address is already a user. */
  public static final class Conflict extends SessionException {
    Conflict(String message) {
      super(message);
    }
  }
}
