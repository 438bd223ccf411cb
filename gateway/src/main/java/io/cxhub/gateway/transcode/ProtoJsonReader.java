package io.cxhub.gateway.transcode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.gateway.problem.FieldViolation;
import io.cxhub.gateway.problem.Problem;
import io.cxhub.gateway.problem.ProblemException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads JSON into protobuf messages by the proto3 JSON mapping, naming every field that is
 * wrong. {@link JsonFormat} stops at the first error and does not say where it was; this
 * reader walks the JSON tree with the descriptors, collects one violation per bad field
 * with its path in JSON names ({@code answers[0].score}), and only hands the well-known
 * types (Timestamp, Duration, wrappers, Struct, Any, ...) to {@code JsonFormat}.
 *
 * <p>Accepts both the JSON (lowerCamel) and the proto (snake_case) name of each field, as
 * the proto3 JSON mapping says a parser must; rejects unknown fields, duplicate keys,
 * wrong types, out-of-range numbers and unknown enum names.
 */
public final class ProtoJsonReader {

  private static final int MAX_DEPTH = 64;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Set<String> WELL_KNOWN_TYPES = Set.of(
      "google.protobuf.Any", "google.protobuf.Duration", "google.protobuf.FieldMask",
      "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue",
      "google.protobuf.Timestamp", "google.protobuf.DoubleValue", "google.protobuf.FloatValue",
      "google.protobuf.Int64Value", "google.protobuf.UInt64Value", "google.protobuf.Int32Value",
      "google.protobuf.UInt32Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
      "google.protobuf.BytesValue");
  /** Well-known types written as one JSON string or number, which a URL can therefore carry. */
  private static final Set<String> SCALAR_WELL_KNOWN_TYPES = Set.of(
      "google.protobuf.Duration", "google.protobuf.FieldMask", "google.protobuf.Timestamp",
      "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
      "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
      "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue");

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private final JsonFormat.Parser wellKnownParser;
  private final Map<Descriptor, Map<String, FieldDescriptor>> fieldIndex = new ConcurrentHashMap<>();

  public ProtoJsonReader(TypeRegistry types) {
    this.wellKnownParser = JsonFormat.parser().usingTypeRegistry(types);
  }

  /** Parses a request body; malformed JSON ends the request with 400. */
  public JsonNode parse(byte[] json) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ProblemException(Problem.badRequest("The request body is empty; send a JSON object.", List.of()));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ProblemException(Problem.badRequest(
          "The request body is not valid JSON" + where + ": " + e.getOriginalMessage(), List.of()));
    } catch (IOException e) {
      throw new ProblemException(Problem.badRequest("The request body cannot be read.", List.of()));
    }
  }

  /**
   * Merges a JSON object into a message builder.
   *
   * @param path JSON path of {@code node}, {@code ""} for the root; prefixes the violations
   * @param violations receives one entry per invalid field
   */
  public void mergeMessage(JsonNode node, Message.Builder builder, String path, List<FieldViolation> violations) {
    mergeMessage(node, builder, path, violations, 0);
  }

  /** Sets one field of a builder from its JSON value (used for {@code body: "<field>"}). */
  public void mergeField(Message.Builder builder, FieldDescriptor field, JsonNode value, String path,
      List<FieldViolation> violations) {
    setField(builder, field, value, path, violations, 0);
  }

  /**
   * Converts the text of a URL path variable or query parameter to the value of a field:
   * a scalar, an enum (name or number), or a well-known type written as one string
   * (Timestamp, Duration, FieldMask, wrappers).
   *
   * @throws InvalidValueException if the text does not fit the field
   */
  public Object valueFromText(FieldDescriptor field, String text) throws InvalidValueException {
    JsonNode node = JsonNodeFactory.instance.textNode(text);
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      if (!SCALAR_WELL_KNOWN_TYPES.contains(field.getMessageType().getFullName())) {
        throw new InvalidValueException("cannot be given in the URL: set its fields one by one");
      }
      return wellKnown(field.getMessageType(), node);
    }
    return scalar(field, node);
  }

  /** Whether a message field can be set from one URL text (see {@link #valueFromText}). */
  public static boolean isScalarLike(FieldDescriptor field) {
    return field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        || SCALAR_WELL_KNOWN_TYPES.contains(field.getMessageType().getFullName());
  }

  public static boolean isWellKnown(Descriptor type) {
    return WELL_KNOWN_TYPES.contains(type.getFullName());
  }

  /** A field by its proto name or its JSON name. */
  public FieldDescriptor field(Descriptor type, String name) {
    return fieldIndex.computeIfAbsent(type, ProtoJsonReader::index).get(name);
  }

  private static Map<String, FieldDescriptor> index(Descriptor type) {
    var byName = new HashMap<String, FieldDescriptor>();
    for (FieldDescriptor field : type.getFields()) {
      byName.putIfAbsent(field.getJsonName(), field);
    }
    for (FieldDescriptor field : type.getFields()) {
      byName.put(field.getName(), field);
    }
    return Map.copyOf(byName);
  }

  private void mergeMessage(JsonNode node, Message.Builder builder, String path,
      List<FieldViolation> violations, int depth) {
    Descriptor type = builder.getDescriptorForType();
    if (depth > MAX_DEPTH) {
      violations.add(new FieldViolation(path, "Nested too deeply."));
      return;
    }
    if (isWellKnown(type)) {
      try {
        builder.mergeFrom(wellKnown(type, node));
      } catch (InvalidValueException e) {
        violations.add(new FieldViolation(path, e.getMessage()));
      }
      return;
    }
    if (!node.isObject()) {
      violations.add(new FieldViolation(path, "Expected a JSON object, got " + describe(node) + "."));
      return;
    }
    var seen = new HashSet<FieldDescriptor>();
    var oneofs = new HashMap<OneofDescriptor, FieldDescriptor>();
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String name = entry.getKey();
      FieldDescriptor field = field(type, name);
      if (field == null) {
        violations.add(new FieldViolation(child(path, name), "Unknown field."));
        continue;
      }
      String fieldPath = child(path, field.getJsonName());
      if (!seen.add(field)) {
        violations.add(new FieldViolation(fieldPath, "Given twice (by its JSON and its proto name)."));
        continue;
      }
      JsonNode value = entry.getValue();
      if (value.isNull() && !acceptsNull(field)) {
        continue; // null means the default value
      }
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null) {
        FieldDescriptor other = oneofs.putIfAbsent(oneof, field);
        if (other != null) {
          violations.add(new FieldViolation(fieldPath, "Only one of " + oneofMembers(oneof)
              + " may be set; " + other.getJsonName() + " is set too."));
          continue;
        }
      }
      setField(builder, field, value, fieldPath, violations, depth);
    }
  }

  private void setField(Message.Builder builder, FieldDescriptor field, JsonNode value, String path,
      List<FieldViolation> violations, int depth) {
    if (value.isNull() && !acceptsNull(field)) {
      return;
    }
    if (field.isMapField()) {
      setMap(builder, field, value, path, violations, depth);
    } else if (field.isRepeated()) {
      if (!value.isArray()) {
        violations.add(new FieldViolation(path, "Expected a JSON array, got " + describe(value) + "."));
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        String elementPath = path + "[" + i + "]";
        JsonNode element = value.get(i);
        if (element.isNull() && !acceptsNull(field)) {
          violations.add(new FieldViolation(elementPath, "An array element cannot be null."));
          continue;
        }
        Object converted = convert(builder, field, element, elementPath, violations, depth);
        if (converted != null) {
          builder.addRepeatedField(field, converted);
        }
      }
    } else {
      Object converted = convert(builder, field, value, path, violations, depth);
      if (converted != null) {
        builder.setField(field, converted);
      }
    }
  }

  private void setMap(Message.Builder builder, FieldDescriptor field, JsonNode value, String path,
      List<FieldViolation> violations, int depth) {
    if (!value.isObject()) {
      violations.add(new FieldViolation(path, "Expected a JSON object, got " + describe(value) + "."));
      return;
    }
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByName("key");
    FieldDescriptor valueField = entryType.findFieldByName("value");
    Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String entryPath = path + "[" + entry.getKey() + "]";
      Message.Builder entryBuilder = builder.newBuilderForField(field);
      try {
        entryBuilder.setField(keyField, scalar(keyField, JsonNodeFactory.instance.textNode(entry.getKey())));
      } catch (InvalidValueException e) {
        violations.add(new FieldViolation(entryPath, "Invalid map key: " + e.getMessage()));
        continue;
      }
      if (entry.getValue().isNull() && !acceptsNull(valueField)) {
        violations.add(new FieldViolation(entryPath, "A map value cannot be null."));
        continue;
      }
      Object converted = convert(entryBuilder, valueField, entry.getValue(), entryPath, violations, depth);
      if (converted != null) {
        entryBuilder.setField(valueField, converted);
        builder.addRepeatedField(field, entryBuilder.build());
      }
    }
  }

  /** One value of a field (an element, for repeated fields); null after a violation. */
  private Object convert(Message.Builder parent, FieldDescriptor field, JsonNode value, String path,
      List<FieldViolation> violations, int depth) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      Message.Builder sub = parent.newBuilderForField(field);
      int before = violations.size();
      mergeMessage(value, sub, path, violations, depth + 1);
      return violations.size() == before ? sub.build() : null;
    }
    try {
      return scalar(field, value);
    } catch (InvalidValueException e) {
      violations.add(new FieldViolation(path, e.getMessage()));
      return null;
    }
  }

  /**
   * Refuses text that no field accepts: NUL (valid UTF-8, so protobuf would store it) and a
   * lone UTF-16 surrogate such as {@code "\\ud800"} in JSON (not a character: encoding it in
   * UTF-8 silently turns it into {@code ?}). The services refuse the same for direct gRPC
   * callers (service-kit's {@code TextFieldsServerInterceptor}).
   */
  static void checkText(String text) throws InvalidValueException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        throw new InvalidValueException("Must not contain the NUL character (U+0000).");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidValueException("Must not contain a lone UTF-16 surrogate (\\u"
            + Integer.toHexString(c) + "): it is not a Unicode character.");
      }
    }
  }

  /** {@link #checkText} on every string inside a JSON value (keys included). */
  private static void checkTexts(JsonNode node, int depth) throws InvalidValueException {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isTextual()) {
      checkText(node.textValue());
    } else if (node.isContainerNode()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        checkText(field.getKey());
        checkTexts(field.getValue(), depth + 1);
      }
      if (node.isArray()) {
        for (JsonNode element : node) {
          checkTexts(element, depth + 1);
        }
      }
    }
  }

  private Message wellKnown(Descriptor type, JsonNode node) throws InvalidValueException {
    checkTexts(node, 0);
    Message.Builder builder = com.google.protobuf.DynamicMessage.newBuilder(type);
    try {
      wellKnownParser.merge(node.toString(), builder);
      return builder.build();
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidValueException(wellKnownHint(type) + " (" + e.getMessage() + ").");
    }
  }

  private static String wellKnownHint(Descriptor type) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> "Expected an RFC 3339 date-time such as \"2024-05-01T10:00:00Z\"";
      case "google.protobuf.Duration" -> "Expected a duration in seconds such as \"1.5s\"";
      case "google.protobuf.FieldMask" -> "Expected comma-separated field paths such as \"title,description\"";
      default -> "Invalid " + type.getName();
    };
  }

  /** Converts a non-message value. */
  Object scalar(FieldDescriptor field, JsonNode node) throws InvalidValueException {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> integer(node, BigInteger.valueOf(Integer.MIN_VALUE),
          BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
      case UINT32, FIXED32 -> integer(node, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)).intValue();
      case INT64, SINT64, SFIXED64 -> integer(node, BigInteger.valueOf(Long.MIN_VALUE),
          BigInteger.valueOf(Long.MAX_VALUE)).longValue();
      case UINT64, FIXED64 -> integer(node, BigInteger.ZERO, UINT64_MAX).longValue();
      case DOUBLE -> floating(node, false);
      case FLOAT -> (float) floating(node, true);
      case BOOL -> bool(node);
      case STRING -> {
        if (!node.isTextual()) {
          throw new InvalidValueException("Expected a string, got " + describe(node) + ".");
        }
        checkText(node.textValue());
        yield node.textValue();
      }
      case BYTES -> bytes(node);
      case ENUM -> enumValue(field.getEnumType(), node);
      case MESSAGE, GROUP -> throw new IllegalArgumentException(field.getFullName() + " is a message");
    };
  }

  private static BigInteger integer(JsonNode node, BigInteger min, BigInteger max) throws InvalidValueException {
    BigDecimal decimal = decimal(node, "an integer");
    String range = " from " + min + " to " + max;
    // guard against 1e999999999, which BigInteger would try to expand
    if (decimal.precision() - decimal.scale() > 40) {
      throw new InvalidValueException("Expected an integer" + range + ".");
    }
    BigInteger value;
    try {
      value = decimal.toBigIntegerExact();
    } catch (ArithmeticException fractional) {
      throw new InvalidValueException("Expected an integer" + range + ", got a fraction.");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidValueException("Expected an integer" + range + ".");
    }
    return value;
  }

  private static BigDecimal decimal(JsonNode node, String what) throws InvalidValueException {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      String text = node.textValue().strip();
      if (!text.isEmpty() && text.length() <= 64) {
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw new InvalidValueException("Expected " + what + ", got \"" + abbreviate(node.textValue()) + "\".");
    }
    throw new InvalidValueException("Expected " + what + ", got " + describe(node) + ".");
  }

  private static double floating(JsonNode node, boolean single) throws InvalidValueException {
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN" -> { return Double.NaN; }
        case "Infinity" -> { return Double.POSITIVE_INFINITY; }
        case "-Infinity" -> { return Double.NEGATIVE_INFINITY; }
        default -> { }
      }
    }
    BigDecimal decimal = decimal(node, "a number");
    double value = decimal.doubleValue();
    double max = single ? Float.MAX_VALUE : Double.MAX_VALUE;
    if (Double.isInfinite(value) || Math.abs(value) > max) {
      throw new InvalidValueException("The number is out of range.");
    }
    return value;
  }

  private static boolean bool(JsonNode node) throws InvalidValueException {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
      return Boolean.parseBoolean(node.textValue());
    }
    throw new InvalidValueException("Expected true or false, got " + describe(node) + ".");
  }

  private static ByteString bytes(JsonNode node) throws InvalidValueException {
    if (!node.isTextual()) {
      throw new InvalidValueException("Expected a base64 string, got " + describe(node) + ".");
    }
    String text = node.textValue();
    try {
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      return ByteString.copyFrom((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("Expected a base64 string.");
    }
  }

  private static EnumValueDescriptor enumValue(EnumDescriptor type, JsonNode node) throws InvalidValueException {
    if (type.getFullName().equals("google.protobuf.NullValue") && node.isNull()) {
      return type.findValueByNumber(0);
    }
    if (node.isTextual()) {
      EnumValueDescriptor value = type.findValueByName(node.textValue());
      if (value != null) {
        return value;
      }
      throw new InvalidValueException("Expected one of " + names(type) + ", got \"" + abbreviate(node.textValue()) + "\".");
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      int number = node.intValue();
      EnumValueDescriptor value = type.isClosed()
          ? type.findValueByNumber(number) : type.findValueByNumberCreatingIfUnknown(number);
      if (value != null) {
        return value;
      }
    }
    throw new InvalidValueException("Expected one of " + names(type) + ", got " + describe(node) + ".");
  }

  private static String names(EnumDescriptor type) {
    List<EnumValueDescriptor> values = type.getValues();
    String listed = values.stream().limit(20).map(EnumValueDescriptor::getName).collect(Collectors.joining(", "));
    return values.size() > 20 ? listed + ", ..." : listed;
  }

  private static boolean acceptsNull(FieldDescriptor field) {
    return (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && field.getMessageType().getFullName().equals("google.protobuf.Value"))
        || (field.getJavaType() == FieldDescriptor.JavaType.ENUM
            && field.getEnumType().getFullName().equals("google.protobuf.NullValue"));
  }

  private static String oneofMembers(OneofDescriptor oneof) {
    var names = new ArrayList<String>();
    for (FieldDescriptor field : oneof.getFields()) {
      names.add(field.getJsonName());
    }
    return String.join(", ", names);
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> node.booleanValue() ? "true" : "false";
      case NULL -> "null";
      default -> "something else";
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** A value that does not fit its field; the message is for the client. */
  public static final class InvalidValueException extends Exception {
    public InvalidValueException(String message) {
      super(message, null, false, false);
    }
  }
}
