package io.cxhub.gateway.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.problem.FieldViolation;
import io.cxhub.gateway.problem.Problem;
import io.cxhub.gateway.problem.ProblemException;
import io.cxhub.gateway.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * Builds the request message of an RPC from an HTTP request, following its
 * {@code google.api.http} rule: first the JSON body (the whole request for {@code "*"},
 * one field otherwise), then the query parameters (fields not bound by the path or the
 * body, nested ones by dotted names, repeated ones by repeating the parameter), then the
 * path variables, which win over anything else.
 *
 * <p>Every problem with the request is collected and reported at once, as a 400 naming
 * the fields in JSON names; a body that is not JSON gets 415. A body bound to a
 * {@code google.api.HttpBody} (the whole request, or the rule's body field) is not read as
 * JSON: its bytes and Content-Type are passed on as they are, for the service to read.
 */
public final class RequestMessageFactory {

  /** A hostile body may hold thousands of bad fields: the problem lists this many, and their number. */
  static final int MAX_REPORTED_VIOLATIONS = Problem.MAX_LISTED_ERRORS;

  private final ProtoJsonReader reader;

  public RequestMessageFactory(ProtoJsonReader reader) {
    this.reader = reader;
  }

  /**
   * @param pathVariables decoded values of the template variables, by field path
   * @param query decoded query parameters
   * @param body the request body; empty when there is none
   * @param contentType the body's declared type; null if none was declared
   * @throws ProblemException if the request does not make a valid message
   */
  public DynamicMessage build(HttpBinding binding, Map<String, String> pathVariables,
      MultiValueMap<String, String> query, byte[] body, MediaType contentType) {
    Descriptor type = binding.rpc().descriptor().getInputType();
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    var violations = new ArrayList<FieldViolation>();
    if (binding.hasBody() && body.length > 0) {
      readBody(binding, body, contentType, builder, violations);
    }
    query.forEach((name, values) -> readQueryParameter(binding, name, values, builder, violations));
    for (String fieldPath : binding.pathFields()) {
      String value = pathVariables.get(fieldPath);
      if (value != null) {
        readPathVariable(fieldPath, value, builder, violations);
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.badRequest("The request has invalid fields.", List.of())
          .withErrors(violations.subList(0, Math.min(violations.size(), MAX_REPORTED_VIOLATIONS)), violations.size()));
    }
    return builder.build();
  }

  private void readBody(HttpBinding binding, byte[] body, MediaType contentType, Message.Builder builder,
      List<FieldViolation> violations) {
    if (binding.takesRawBody()) {
      // google.api.HttpBody: the bytes as sent, typed by the request's Content-Type
      if (binding.wholeRequestIsBody()) {
        HttpBodies.fill(builder, body, contentType);
      } else {
        FieldDescriptor field = binding.bodyField().orElseThrow();
        Message.Builder raw = builder.newBuilderForField(field);
        HttpBodies.fill(raw, body, contentType);
        builder.setField(field, raw.build());
      }
      return;
    }
    if (contentType != null && !isJson(contentType)) {
      throw new ProblemException(Problems.unsupportedMediaType(
          "Send the request body as JSON with Content-Type: application/json, not " + contentType + "."));
    }
    JsonNode json = reader.parse(body);
    if (binding.wholeRequestIsBody() && !json.isObject()
        && !ProtoJsonReader.isWellKnown(builder.getDescriptorForType())) {
      throw new ProblemException(Problem.badRequest("The request body must be a JSON object.", List.of()));
    }
    if (binding.wholeRequestIsBody()) {
      reader.mergeMessage(json, builder, "", violations);
    } else {
      FieldDescriptor field = binding.bodyField().orElseThrow();
      reader.mergeField(builder, field, json, field.getJsonName(), violations);
    }
  }

  private static boolean isJson(MediaType type) {
    return MediaType.APPLICATION_JSON.isCompatibleWith(type)
        || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
  }

  private void readQueryParameter(HttpBinding binding, String name, List<String> values, Message.Builder builder,
      List<FieldViolation> violations) {
    if (binding.wholeRequestIsBody()) {
      violations.add(new FieldViolation(name, "Unexpected query parameter: this operation takes its input from the JSON body."));
      return;
    }
    Resolved resolved = resolve(builder.getDescriptorForType(), name);
    if (resolved.error() != null) {
      violations.add(new FieldViolation(name, resolved.error()));
      return;
    }
    String jsonPath = resolved.jsonPath();
    if (binding.bodyField().filter(body -> body.equals(resolved.chain().get(0))).isPresent()) {
      violations.add(new FieldViolation(jsonPath, "Set in the request body, not in the query string."));
      return;
    }
    String protoPath = resolved.protoPath();
    for (String pathField : binding.pathFields()) {
      if (pathField.equals(protoPath) || pathField.startsWith(protoPath + ".") || protoPath.startsWith(pathField + ".")) {
        violations.add(new FieldViolation(jsonPath, "Set by the URL path, not in the query string."));
        return;
      }
    }
    FieldDescriptor leaf = resolved.leaf();
    if (!ProtoJsonReader.isScalarLike(leaf) || leaf.isMapField()) {
      violations.add(new FieldViolation(jsonPath, "Cannot be given as a query parameter; give its fields, e.g. "
          + jsonPath + "." + firstFieldName(leaf) + "."));
      return;
    }
    if (!leaf.isRepeated() && values.size() > 1) {
      violations.add(new FieldViolation(jsonPath, "Given " + values.size() + " times; it takes one value."));
      return;
    }
    var converted = new ArrayList<>(values.size());
    for (String value : values) {
      try {
        converted.add(reader.valueFromText(leaf, value == null ? "" : value));
      } catch (ProtoJsonReader.InvalidValueException e) {
        violations.add(new FieldViolation(jsonPath, e.getMessage()));
        return;
      }
    }
    set(builder, resolved.chain(), 0, converted);
  }

  private void readPathVariable(String fieldPath, String value, Message.Builder builder,
      List<FieldViolation> violations) {
    Resolved resolved = resolve(builder.getDescriptorForType(), fieldPath);
    if (resolved.error() != null || resolved.leaf().isRepeated() || !ProtoJsonReader.isScalarLike(resolved.leaf())) {
      // ApiCatalog checks path variables when it starts: this would be a bug, not the client's fault
      throw new IllegalStateException("path variable " + fieldPath + " does not name a scalar field of "
          + builder.getDescriptorForType().getFullName());
    }
    try {
      set(builder, resolved.chain(), 0, List.of(reader.valueFromText(resolved.leaf(), value)));
    } catch (ProtoJsonReader.InvalidValueException e) {
      violations.add(new FieldViolation(resolved.jsonPath(), e.getMessage()));
    }
  }

  /** Sets (or, for repeated fields, replaces) the leaf of a field chain, creating the messages on the way. */
  private static void set(Message.Builder builder, List<FieldDescriptor> chain, int index, List<Object> values) {
    FieldDescriptor field = chain.get(index);
    if (index == chain.size() - 1) {
      if (field.isRepeated()) {
        builder.clearField(field);
        values.forEach(value -> builder.addRepeatedField(field, value));
      } else {
        builder.setField(field, values.get(0));
      }
      return;
    }
    Message.Builder sub = builder.hasField(field)
        ? ((Message) builder.getField(field)).toBuilder()
        : builder.newBuilderForField(field);
    set(sub, chain, index + 1, values);
    builder.setField(field, sub.build());
  }

  /** A dotted field path (proto or JSON names) resolved against a message type. */
  private Resolved resolve(Descriptor type, String dottedPath) {
    var chain = new ArrayList<FieldDescriptor>();
    Descriptor current = type;
    String[] segments = dottedPath.split("\\.", -1);
    for (int i = 0; i < segments.length; i++) {
      FieldDescriptor field = current == null ? null : reader.field(current, segments[i]);
      if (field == null) {
        return Resolved.error("Unknown query parameter: no such field.");
      }
      chain.add(field);
      if (i < segments.length - 1) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()
            || ProtoJsonReader.isWellKnown(field.getMessageType())) {
          return Resolved.error("Unknown query parameter: " + field.getJsonName() + " has no fields to set.");
        }
        current = field.getMessageType();
      }
    }
    return new Resolved(chain, null);
  }

  private static String firstFieldName(FieldDescriptor field) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.getMessageType().getFields().isEmpty()) {
      return "…";
    }
    return field.getMessageType().getFields().get(0).getJsonName();
  }

  private record Resolved(List<FieldDescriptor> chain, String error) {
    static Resolved error(String message) {
      return new Resolved(List.of(), message);
    }

    FieldDescriptor leaf() {
      return chain.get(chain.size() - 1);
    }

    String jsonPath() {
      return String.join(".", chain.stream().map(FieldDescriptor::getJsonName).toList());
    }

    String protoPath() {
      return String.join(".", chain.stream().map(FieldDescriptor::getName).toList());
    }
  }
}
