package io.cxhub.kit.error;

import java.util.List;
import java.util.stream.Collectors;

/** The request is invalid; each violation names a field. Maps to INVALID_ARGUMENT. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(violations.stream()
        .map(v -> v.field() + ": " + v.description())
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String description) {
    return new InvalidInputException(List.of(new FieldViolation(field, description)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
