package io.cxhub.persona.persona;

import java.util.List;

/** Normalisation shared by the persona records: no nulls, no surrounding whitespace. */
final class Texts {

  private Texts() {}

  static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().map(Texts::clean).toList();
  }

  static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
