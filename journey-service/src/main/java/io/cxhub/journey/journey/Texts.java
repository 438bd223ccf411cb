package io.cxhub.journey.journey;

import java.util.List;

/** Normalisation shared by the journey records: no nulls, no surrounding whitespace. */
final class Texts {

  private Texts() {}

  static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  /** Identifiers are taken as given (validation decides), only null becomes empty. */
  static String id(String value) {
    return value == null ? "" : value;
  }

  static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** Each text stripped; blank ones dropped. */
  static List<String> cleanAll(List<String> values) {
    return values == null ? List.of() : values.stream().map(Texts::clean).filter(v -> !v.isEmpty()).toList();
  }
}
