package io.cxhub.kit.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.cxhub.kit.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the string fields of a request message that hold text no field of CX Hub accepts:
 * a NUL character (valid UTF-8, so protobuf lets it through, but it truncates text in C
 * libraries, CSV exports and logs) or a lone UTF-16 surrogate (not a Unicode character:
 * encoding it silently turns it into {@code ?}).
 */
public final class TextFields {

  /** Most violations collected from one message; the status lists fewer anyway. */
  static final int MAX_VIOLATIONS = 1000;
  private static final int MAX_DEPTH = 64;

  private TextFields() {}

  /** What is wrong with a text, if anything. */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("must not contain the NUL character (U+0000)");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("must not contain a lone UTF-16 surrogate (not a Unicode character)");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("must not contain a lone UTF-16 surrogate (not a Unicode character)");
      }
    }
    return Optional.empty();
  }

  /** One violation per bad string field, named by its path in proto names ({@code answers[2].text}). */
  public static List<FieldViolation> violations(Message message) {
    var violations = new ArrayList<FieldViolation>();
    walk(message, "", violations, 0);
    return violations;
  }

  private static void walk(Message message, String path, List<FieldViolation> violations, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isMapField()) {
        for (Object item : (List<?>) entry.getValue()) {
          Message mapEntry = (Message) item;
          Object key = mapEntry.getField(field.getMessageType().findFieldByName("key"));
          String entryPath = fieldPath + "[" + key + "]";
          if (key instanceof String text) {
            problem(text).ifPresent(p -> add(violations, entryPath, "key " + p));
          }
          check(field.getMessageType().findFieldByName("value"),
              mapEntry.getField(field.getMessageType().findFieldByName("value")), entryPath, violations, depth);
        }
      } else if (field.isRepeated()) {
        List<?> values = (List<?>) entry.getValue();
        for (int i = 0; i < values.size(); i++) {
          check(field, values.get(i), fieldPath + "[" + i + "]", violations, depth);
        }
      } else {
        check(field, entry.getValue(), fieldPath, violations, depth);
      }
      if (violations.size() >= MAX_VIOLATIONS) {
        return;
      }
    }
  }

  private static void check(FieldDescriptor field, Object value, String path, List<FieldViolation> violations,
      int depth) {
    if (field.getJavaType() == FieldDescriptor.JavaType.STRING && value instanceof String text) {
      problem(text).ifPresent(p -> add(violations, path, p));
    } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && value instanceof Message sub) {
      walk(sub, path, violations, depth + 1);
    }
  }

  private static void add(List<FieldViolation> violations, String path, String description) {
    if (violations.size() < MAX_VIOLATIONS) {
      violations.add(new FieldViolation(path, description));
    }
  }
}
