package io.cxhub.gateway.problem;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * Turns a field path written with proto names, as services put them in
 * {@code google.rpc.BadRequest} (e.g. {@code survey.questions[2].scale_max}), into the
 * JSON names an HTTP client sent ({@code survey.questions[2].scaleMax}). Indexes and map
 * keys are kept as they are.
 */
public final class FieldPaths {

  private FieldPaths() {}

  /**
   * @param root the request message the path starts from; names it does not know are
   *     converted with the proto3 JSON naming rule
   */
  public static String toJson(Descriptor root, String protoPath) {
    if (protoPath == null || protoPath.isEmpty()) {
      return "";
    }
    var out = new StringBuilder(protoPath.length());
    Descriptor current = root;
    int i = 0;
    int n = protoPath.length();
    while (i < n) {
      int start = i;
      while (i < n && protoPath.charAt(i) != '.' && protoPath.charAt(i) != '[') {
        i++;
      }
      String name = protoPath.substring(start, i);
      FieldDescriptor field = current == null ? null : find(current, name);
      out.append(field == null ? jsonName(name) : field.getJsonName());
      boolean indexed = false;
      while (i < n && protoPath.charAt(i) == '[') {
        int close = closingBracket(protoPath, i);
        out.append(protoPath, i, close + 1);
        i = close + 1;
        indexed = true;
      }
      current = next(field, indexed);
      if (i < n && protoPath.charAt(i) == '.') {
        out.append('.');
        i++;
      } else if (i < n) {
        // not a path we understand: keep the rest as it is
        out.append(protoPath, i, n);
        break;
      }
    }
    return out.toString();
  }

  /** The proto3 JSON name of a proto field name: {@code scale_max} → {@code scaleMax}. */
  public static String jsonName(String protoName) {
    var out = new StringBuilder(protoName.length());
    boolean upper = false;
    for (char c : protoName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static FieldDescriptor find(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field != null) {
      return field;
    }
    for (FieldDescriptor candidate : type.getFields()) {
      if (candidate.getJsonName().equals(name)) {
        return candidate;
      }
    }
    return null;
  }

  private static Descriptor next(FieldDescriptor field, boolean indexed) {
    if (field == null || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return null;
    }
    if (field.isMapField()) {
      FieldDescriptor value = field.getMessageType().findFieldByName("value");
      return indexed && value.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? value.getMessageType() : null;
    }
    return field.getMessageType();
  }

  private static int closingBracket(String path, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ']' && !quoted) {
        return i;
      }
    }
    return path.length() - 1;
  }
}
