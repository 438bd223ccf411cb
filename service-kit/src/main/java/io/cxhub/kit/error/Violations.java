package io.cxhub.kit.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before failing, so that a caller learns about all
 * its invalid fields in one round trip instead of one per attempt.
 */
public final class Violations {

  private final List<FieldViolation> list = new ArrayList<>();

  public Violations add(String field, String description) {
    list.add(new FieldViolation(field, description));
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<FieldViolation> asList() {
    return List.copyOf(list);
  }

  /** Checks a required text: present (not blank) and at most {@code max} characters. */
  public Violations requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return add(field, "is required");
    }
    return maxLength(field, value, max);
  }

  /** Checks an optional text: at most {@code max} characters when present. */
  public Violations maxLength(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      add(field, "must be at most " + max + " characters");
    }
    return this;
  }

  /** Checks an optional identifier: when present it must match {@code pattern}. */
  public Violations matches(String field, String value, Pattern pattern, String expected) {
    if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
      add(field, "must be " + expected);
    }
    return this;
  }

  public Violations check(boolean condition, String field, String description) {
    if (!condition) {
      add(field, description);
    }
    return this;
  }

  /**
   * Checks the paths of an update mask: each must be one of {@code updatable} (proto field
   * names). Every unknown path is reported under {@code field}.
   */
  public Violations updateMask(String field, java.util.Collection<String> paths, java.util.Set<String> updatable) {
    for (String path : paths) {
      check(updatable.contains(path), field,
          "'" + path + "' cannot be updated; updatable: " + String.join(", ", new java.util.TreeSet<>(updatable)));
    }
    return this;
  }

  /** @throws InvalidInputException listing every violation collected, if any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new InvalidInputException(asList());
    }
  }
}
