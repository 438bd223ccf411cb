package io.cxhub.gateway.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.cxhub.gateway.access.AccessPolicy;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.catalog.ProtoComments;
import io.cxhub.proto.common.v1.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the OpenAPI 3 document of the REST API from the same descriptors the
 * transcoder uses, so the two cannot disagree. Proto comments become descriptions;
 * messages and enums become component schemas following the proto3 JSON mapping (int64
 * as string, Timestamp as date-time string, enums as string enums, Empty as object).
 * Each operation is named after its RPC and tagged with its service; the non-public
 * ones require the bearer API key.
 */
public final class OpenApiGenerator {

  private static final Logger log = LoggerFactory.getLogger(OpenApiGenerator.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> OPENAPI_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String SECURITY_SCHEME = "apiKey";
  private static final int MAX_QUERY_DEPTH = 3;

  private final ApiCatalog catalog;
  private final OpenApiExamples examples;
  private final ProtoComments comments;
  private final Map<String, String> componentNames = new HashMap<>();
  private final Map<String, GenericDescriptor> wanted = new LinkedHashMap<>();

  private OpenApiGenerator(ApiCatalog catalog, OpenApiExamples examples) {
    this.catalog = catalog;
    this.examples = examples;
    this.comments = catalog.comments();
    nameComponents();
  }

  /** The whole document, with the examples found on the classpath (see {@link OpenApiExamples}). */
  public static ObjectNode generate(ApiCatalog catalog) {
    return generate(catalog, OpenApiExamples.load(catalog.services(), OpenApiGenerator.class.getClassLoader()));
  }

  /** The whole document, with the given examples. */
  public static ObjectNode generate(ApiCatalog catalog, OpenApiExamples examples) {
    return new OpenApiGenerator(catalog, examples).document();
  }

  private ObjectNode document() {
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.3");
    doc.set("info", JSON.objectNode()
        .put("title", "CX Hub API")
        .put("version", "v1")
        .put("description", """
            REST/JSON API of CX Hub, generated from its gRPC contracts.

            Bodies follow the proto3 JSON mapping: field names in lowerCamelCase (snake_case is \
            accepted too), 64-bit integers as strings, timestamps as RFC 3339 strings, enums by \
            name. Unknown fields are rejected. Errors are RFC 9457 problem details \
            (`application/problem+json`) whose `errors` name each invalid field.

            Authenticate with an API key: `Authorization: Bearer <key>`. The key decides the \
            tenant of every request."""));
    ArrayNode tags = doc.putArray("tags");
    for (ServiceDescriptor service : catalog.services()) {
      ObjectNode tag = tags.addObject().put("name", service.getName());
      comment(service).ifPresent(text -> tag.put("description", text));
    }
    doc.set("paths", paths());
    doc.set("components", components());
    return doc;
  }

  private ObjectNode paths() {
    var byPath = new LinkedHashMap<String, ObjectNode>();
    var operationIds = new HashMap<String, Integer>();
    for (HttpBinding binding : catalog.bindings()) {
      String method = binding.httpMethod().toLowerCase(Locale.ROOT);
      if (!OPENAPI_METHODS.contains(method)) {
        log.warn("{} uses HTTP method {}, which OpenAPI cannot describe; it is left out of the document",
            binding.rpc().fullName(), binding.httpMethod());
        continue;
      }
      ObjectNode item = byPath.computeIfAbsent(openApiPath(binding.path()), p -> JSON.objectNode());
      int seen = operationIds.merge(binding.rpc().name(), 1, Integer::sum);
      String operationId = seen == 1 ? binding.rpc().name() : binding.rpc().name() + "_" + seen;
      item.set(method, operation(binding, operationId));
    }
    ObjectNode paths = JSON.objectNode();
    byPath.forEach(paths::set);
    return paths;
  }

  /** {@code /v1/{name=projects/*}/things:list} → {@code /v1/{name}/things:list}. */
  static String openApiPath(String template) {
    return template.replaceAll("\\{([^}=]+)=[^}]*}", "{$1}");
  }

  private ObjectNode operation(HttpBinding binding, String operationId) {
    ObjectNode op = JSON.objectNode();
    op.putArray("tags").add(binding.rpc().descriptor().getService().getName());
    op.put("operationId", operationId);
    String text = comment(binding.rpc().descriptor()).orElse("");
    if (!text.isEmpty()) {
      op.put("summary", firstSentence(text));
      op.put("description", text);
    }
    Descriptor input = binding.rpc().descriptor().getInputType();
    ArrayNode parameters = JSON.arrayNode();
    for (String fieldPath : binding.pathFields()) {
      parameters.add(pathParameter(input, fieldPath));
    }
    var headerFields = new HashSet<String>();
    for (FieldDescriptor field : input.getFields()) {
      if (field.getOptions().hasExtension(io.cxhub.proto.common.v1.AnnotationsProto.httpHeader)) {
        headerFields.add(field.getName());
        ObjectNode header = parameters.addObject()
            .put("name", field.getOptions().getExtension(io.cxhub.proto.common.v1.AnnotationsProto.httpHeader))
            .put("in", "header");
        comment(field).ifPresent(t -> header.put("description", t));
        header.putObject("schema").put("type", "string");
      }
    }
    if (!binding.wholeRequestIsBody()) {
      var excluded = new HashSet<>(binding.pathFields());
      excluded.addAll(headerFields);
      binding.bodyField().ifPresent(body -> excluded.add(body.getName()));
      queryParameters(input, "", "", excluded, parameters, new HashSet<>(), 0);
    }
    var example = examples.of(binding.rpc().descriptor().getFullName());
    if (!parameters.isEmpty()) {
      example.ifPresent(e -> parameters.forEach(p -> e.parameter(p.path("name").asText())
          .ifPresent(value -> ((ObjectNode) p).set("example", value))));
      op.set("parameters", parameters);
    }
    if (binding.hasBody()) {
      ObjectNode body = requestBody(binding);
      example.map(OpenApiExamples.Example::request).filter(node -> !node.isMissingNode())
          .ifPresent(request -> ((ObjectNode) body.path("content").elements().next()).set("example", request));
      op.set("requestBody", body);
    }
    ObjectNode responses = responses(binding);
    example.map(OpenApiExamples.Example::response).filter(node -> !node.isMissingNode())
        .ifPresent(response -> ((ObjectNode) responses.path("200").path("content").elements().next())
            .set("example", response));
    op.set("responses", responses);
    Access access = binding.rpc().access();
    if (access != Access.ACCESS_PUBLIC) {
      op.putArray("security").addObject().putArray(SECURITY_SCHEME);
    }
    String rule = accessText(binding);
    if (!rule.isEmpty()) {
      op.put("description", (text.isEmpty() ? "" : text + "\n\n") + rule);
    }
    return op;
  }

  /** The RPC's access rule, as the reader of the API needs it. */
  static String accessText(HttpBinding binding) {
    var rule = binding.rpc().rule();
    return switch (rule.getAudience()) {
      case ACCESS_PUBLIC -> "No API key needed.";
      case ACCESS_PLATFORM -> "Needs a platform operator API key.";
      case ACCESS_TENANT -> {
        var role = AccessPolicy.role(rule.getMinRole());
        var scope = AccessPolicy.scope(rule.getScope());
        if (role.isEmpty() || scope.isEmpty()) {
          yield "";
        }
        String text = "Needs an API key with the role " + AccessPolicy.protoName(role.get())
            + " or higher and the scope " + AccessPolicy.protoName(scope.get()) + ".";
        yield binding.pathFields().contains(AccessPolicy.TENANT_PATH_FIELD)
            ? text + " The tenant must be the key's own (404 otherwise), unless the key is the platform operator's."
            : text;
      }
      default -> "";
    };
  }

  private ObjectNode pathParameter(Descriptor input, String fieldPath) {
    FieldDescriptor leaf = resolve(input, fieldPath);
    ObjectNode parameter = JSON.objectNode().put("name", fieldPath).put("in", "path").put("required", true);
    if (leaf != null) {
      comment(leaf).ifPresent(text -> parameter.put("description", text));
      parameter.set("schema", valueSchema(leaf));
    } else {
      parameter.set("schema", JSON.objectNode().put("type", "string"));
    }
    return parameter;
  }

  private void queryParameters(Descriptor type, String jsonPrefix, String protoPrefix, Set<String> excluded,
      ArrayNode out, Set<Descriptor> visiting, int depth) {
    if (!visiting.add(type)) {
      return;
    }
    for (FieldDescriptor field : type.getFields()) {
      String protoPath = protoPrefix + field.getName();
      if (excluded.contains(protoPath) || isOutputOnly(field)) {
        continue;
      }
      String jsonPath = jsonPrefix + field.getJsonName();
      boolean message = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
      if (field.isMapField() || (message && field.isRepeated() && !isScalarLike(field))) {
        continue; // not expressible in a query string
      }
      if (message && !isScalarLike(field)) {
        if (depth < MAX_QUERY_DEPTH) {
          queryParameters(field.getMessageType(), jsonPath + ".", protoPath + ".", excluded, out, visiting, depth + 1);
        }
        continue;
      }
      ObjectNode parameter = out.addObject().put("name", jsonPath).put("in", "query");
      comment(field).ifPresent(text -> parameter.put("description", text));
      if (field.isRepeated()) {
        parameter.set("schema", JSON.objectNode().put("type", "array").set("items", valueSchema(field)));
        parameter.put("style", "form").put("explode", true);
      } else {
        parameter.set("schema", valueSchema(field));
      }
    }
    visiting.remove(type);
  }

  private ObjectNode requestBody(HttpBinding binding) {
    if (binding.takesRawBody()) {
      // google.api.HttpBody: any bytes, passed on with their Content-Type (see the operation's text)
      ObjectNode raw = JSON.objectNode();
      raw.put("required", true);
      raw.put("description", "The raw body, passed on as sent with its Content-Type; the operation's "
          + "description names the media types it accepts.");
      raw.putObject("content").putObject("*/*").putObject("schema").put("type", "string").put("format", "binary");
      return raw;
    }
    Descriptor input = binding.rpc().descriptor().getInputType();
    ObjectNode schema;
    boolean required;
    if (binding.wholeRequestIsBody()) {
      required = false;
      if (binding.pathFields().isEmpty()) {
        schema = ref(input);
      } else {
        // the fields the path carries are not part of the body
        schema = JSON.objectNode().put("type", "object");
        comment(input).ifPresent(text -> schema.put("description", text));
        ObjectNode properties = schema.putObject("properties");
        ArrayNode requiredFields = JSON.arrayNode();
        for (FieldDescriptor field : input.getFields()) {
          if (binding.pathFields().contains(field.getName())) {
            continue;
          }
          properties.set(field.getJsonName(), fieldSchema(field));
          if (isRequired(field)) {
            requiredFields.add(field.getJsonName());
          }
        }
        if (!requiredFields.isEmpty()) {
          schema.set("required", requiredFields);
        }
      }
    } else {
      FieldDescriptor field = binding.bodyField().orElseThrow();
      schema = fieldSchema(field);
      required = isRequired(field);
    }
    ObjectNode body = JSON.objectNode();
    body.put("required", required);
    body.putObject("content").putObject("application/json").set("schema", schema);
    return body;
  }

  private ObjectNode responses(HttpBinding binding) {
    ObjectNode responses = JSON.objectNode();
    Descriptor output = binding.rpc().descriptor().getOutputType();
    ObjectNode schema = binding.responseBodyField().map(this::fieldSchema).orElseGet(() -> ref(output));
    ObjectNode ok = responses.putObject("200");
    if (binding.rpc().returnsHttpBody()) {
      // raw bytes: the media type is chosen per reply by the service (see the RPC's text)
      ok.put("description", binding.rpc().serverStreaming()
          ? "The raw body, streamed; its media type is named in the operation's description."
          : "The raw body; its media type is named in the operation's description.");
      ok.putObject("content").putObject("*/*").putObject("schema").put("type", "string").put("format", "binary");
    } else if (binding.rpc().serverStreaming()) {
      ok.put("description", "A stream of Server-Sent Events: the `data` of each event is one JSON "
          + output.getName() + ". A failure after the first event arrives as an event named `error` "
          + "whose data is a problem detail.");
      ok.putObject("content").putObject("text/event-stream").set("schema", schema);
    } else {
      String description = output.getFullName().equals("google.protobuf.Empty")
          ? "Done; the body is an empty object."
          : comment(output).map(OpenApiGenerator::firstSentence).orElse("The reply.");
      ok.put("description", description);
      ok.putObject("content").putObject("application/json").set("schema", schema);
    }
    responses.set("400", responseRef("BadRequest"));
    if (binding.takesRawBody()) {
      responses.set("413", responseRef("PayloadTooLarge"));
    }
    if (binding.rpc().access() != Access.ACCESS_PUBLIC) {
      responses.set("401", responseRef("Unauthorized"));
      responses.set("403", responseRef("Forbidden"));
    }
    responses.set("404", responseRef("NotFound"));
    responses.set("429", responseRef("TooManyRequests"));
    responses.set("default", responseRef("Error"));
    return responses;
  }

  private ObjectNode components() {
    ObjectNode components = JSON.objectNode();
    ObjectNode schemas = components.putObject("schemas");
    var done = new HashSet<String>();
    var queue = new ArrayDeque<>(wanted.values());
    var generated = new TreeMap<String, ObjectNode>();
    while (!queue.isEmpty()) {
      GenericDescriptor type = queue.poll();
      String name = componentName(type);
      if (!done.add(name)) {
        continue;
      }
      int before = wanted.size();
      generated.put(name, type instanceof Descriptor message ? messageSchema(message) : enumSchema((EnumDescriptor) type));
      // schemas may have asked for more types
      new ArrayList<>(wanted.values()).subList(before, wanted.size()).forEach(queue::add);
    }
    generated.forEach(schemas::set);
    schemas.set("Problem", problemSchema());
    ObjectNode responses = components.putObject("responses");
    responses.set("BadRequest", problemResponse("The request is invalid; `errors` names each invalid field."));
    responses.set("Unauthorized", problemResponse("No API key, or an unknown or revoked one."));
    responses.set("Forbidden", problemResponse("The API key may not call this operation."));
    responses.set("NotFound", problemResponse("Nothing matches the request."));
    responses.set("PayloadTooLarge", problemResponse("The request body is larger than the gateway accepts "
        + "(`cx.gateway.max-request-body`, 1 MiB by default)."));
    ObjectNode tooMany = problemResponse("Too many requests: per API key, or per client address on the routes "
        + "that need no key. Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` "
        + "(seconds until the limit is whole again).");
    tooMany.putObject("headers").putObject("Retry-After")
        .put("description", "Seconds to wait before the next request is allowed.")
        .putObject("schema").put("type", "integer");
    responses.set("TooManyRequests", tooMany);
    responses.set("Error", problemResponse("Any other failure, as a problem detail."));
    components.putObject("securitySchemes").set(SECURITY_SCHEME, JSON.objectNode()
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "cxk_…")
        .put("description", "An API key issued by an administrator, sent as `Authorization: Bearer <key>`. "
            + "The key decides the tenant of every request."));
    return components;
  }

  private ObjectNode messageSchema(Descriptor message) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    comment(message).ifPresent(text -> schema.put("description", text));
    ObjectNode properties = JSON.objectNode();
    ArrayNode required = JSON.arrayNode();
    for (FieldDescriptor field : message.getFields()) {
      properties.set(field.getJsonName(), fieldSchema(field));
      if (isRequired(field)) {
        required.add(field.getJsonName());
      }
    }
    if (!properties.isEmpty()) {
      schema.set("properties", properties);
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  private ObjectNode enumSchema(EnumDescriptor type) {
    ObjectNode schema = JSON.objectNode().put("type", "string");
    ArrayNode values = schema.putArray("enum");
    var valueLines = new ArrayList<String>();
    for (EnumValueDescriptor value : type.getValues()) {
      values.add(value.getName());
      comment(value).ifPresent(text -> valueLines.add("- `" + value.getName() + "`: " + text.replace('\n', ' ')));
    }
    var parts = new ArrayList<String>();
    comment(type).ifPresent(parts::add);
    if (!valueLines.isEmpty()) {
      parts.add(String.join("\n", valueLines));
    }
    if (!parts.isEmpty()) {
      schema.put("description", String.join("\n\n", parts));
    }
    return schema;
  }

  /** The schema of a field: its value schema, as an array or map if need be, with its comment. */
  private ObjectNode fieldSchema(FieldDescriptor field) {
    ObjectNode schema;
    if (field.isMapField()) {
      schema = JSON.objectNode().put("type", "object");
      schema.set("additionalProperties", valueSchema(field.getMessageType().findFieldByName("value")));
    } else if (field.isRepeated()) {
      schema = JSON.objectNode().put("type", "array");
      schema.set("items", valueSchema(field));
    } else {
      schema = valueSchema(field);
    }
    var description = new StringBuilder(comment(field).orElse(""));
    OneofDescriptor oneof = field.getRealContainingOneof();
    if (oneof != null) {
      var members = oneof.getFields().stream().map(FieldDescriptor::getJsonName).toList();
      description.append(description.length() == 0 ? "" : "\n\n")
          .append("At most one of `").append(String.join("`, `", members)).append("` may be set.");
    }
    if (schema.has("$ref") && (description.length() > 0 || isOutputOnly(field))) {
      // OpenAPI 3.0 ignores siblings of $ref: wrap it
      ObjectNode wrapped = JSON.objectNode();
      wrapped.putArray("allOf").add(schema);
      schema = wrapped;
    }
    if (description.length() > 0) {
      schema.put("description", description.toString());
    }
    if (isOutputOnly(field)) {
      schema.put("readOnly", true);
    }
    return schema;
  }

  /** The schema of one value of a field (an element, for repeated fields). */
  private ObjectNode valueSchema(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> JSON.objectNode().put("type", "integer").put("format", "int32");
      case UINT32, FIXED32 -> JSON.objectNode().put("type", "integer").put("format", "int64")
          .put("minimum", 0).put("maximum", 4_294_967_295L);
      case INT64, SINT64, SFIXED64 -> JSON.objectNode().put("type", "string").put("format", "int64");
      case UINT64, FIXED64 -> JSON.objectNode().put("type", "string").put("format", "uint64");
      case DOUBLE -> JSON.objectNode().put("type", "number").put("format", "double");
      case FLOAT -> JSON.objectNode().put("type", "number").put("format", "float");
      case BOOL -> JSON.objectNode().put("type", "boolean");
      case STRING -> JSON.objectNode().put("type", "string");
      case BYTES -> JSON.objectNode().put("type", "string").put("format", "byte");
      case ENUM -> field.getEnumType().getFullName().equals("google.protobuf.NullValue")
          ? JSON.objectNode().put("nullable", true)
          : ref(field.getEnumType());
      case MESSAGE, GROUP -> messageValueSchema(field.getMessageType());
    };
  }

  private ObjectNode messageValueSchema(Descriptor type) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> JSON.objectNode().put("type", "string").put("format", "date-time");
      case "google.protobuf.Duration" -> JSON.objectNode().put("type", "string")
          .put("pattern", "^-?[0-9]+(\\.[0-9]{1,9})?s$").put("example", "1.5s");
      case "google.protobuf.FieldMask" -> JSON.objectNode().put("type", "string")
          .put("description", "Comma-separated field paths, e.g. `title,description`.");
      case "google.protobuf.Empty" -> JSON.objectNode().put("type", "object");
      case "google.protobuf.Struct" -> JSON.objectNode().put("type", "object").put("additionalProperties", true);
      case "google.protobuf.Value" -> JSON.objectNode().put("nullable", true);
      case "google.protobuf.ListValue" -> {
        ObjectNode list = JSON.objectNode().put("type", "array");
        list.putObject("items");
        yield list;
      }
      case "google.protobuf.Any" -> {
        ObjectNode any = JSON.objectNode().put("type", "object").put("additionalProperties", true);
        any.putObject("properties").putObject("@type").put("type", "string");
        yield any;
      }
      case "google.protobuf.DoubleValue" -> JSON.objectNode().put("type", "number").put("format", "double").put("nullable", true);
      case "google.protobuf.FloatValue" -> JSON.objectNode().put("type", "number").put("format", "float").put("nullable", true);
      case "google.protobuf.Int64Value" -> JSON.objectNode().put("type", "string").put("format", "int64").put("nullable", true);
      case "google.protobuf.UInt64Value" -> JSON.objectNode().put("type", "string").put("format", "uint64").put("nullable", true);
      case "google.protobuf.Int32Value" -> JSON.objectNode().put("type", "integer").put("format", "int32").put("nullable", true);
      case "google.protobuf.UInt32Value" -> JSON.objectNode().put("type", "integer").put("format", "int64").put("nullable", true);
      case "google.protobuf.BoolValue" -> JSON.objectNode().put("type", "boolean").put("nullable", true);
      case "google.protobuf.StringValue" -> JSON.objectNode().put("type", "string").put("nullable", true);
      case "google.protobuf.BytesValue" -> JSON.objectNode().put("type", "string").put("format", "byte").put("nullable", true);
      default -> ref(type);
    };
  }

  private ObjectNode ref(GenericDescriptor type) {
    wanted.putIfAbsent(type.getFullName(), type);
    return JSON.objectNode().put("$ref", "#/components/schemas/" + componentName(type));
  }

  private static ObjectNode responseRef(String name) {
    return JSON.objectNode().put("$ref", "#/components/responses/" + name);
  }

  private static ObjectNode problemResponse(String description) {
    ObjectNode response = JSON.objectNode().put("description", description);
    response.putObject("content").putObject("application/problem+json")
        .set("schema", JSON.objectNode().put("$ref", "#/components/schemas/Problem"));
    return response;
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = JSON.objectNode().put("type", "object")
        .put("description", "An RFC 9457 problem detail.");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string").put("format", "uri")
        .put("description", "Kind of problem, `urn:cx:problem:<kind>`, e.g. `urn:cx:problem:invalid-argument`.");
    properties.putObject("title").put("type", "string").put("description", "Summary of the kind of problem.");
    properties.putObject("status").put("type", "integer").put("description", "The HTTP status.");
    properties.putObject("detail").put("type", "string").put("description", "What went wrong this time.");
    properties.putObject("instance").put("type", "string").put("description", "The request path.");
    properties.putObject("requestId").put("type", "string").put("description", "Id of the request, as in `x-request-id`.");
    ObjectNode violation = JSON.objectNode().put("type", "object");
    ObjectNode violationProperties = violation.putObject("properties");
    violationProperties.putObject("field").put("type", "string")
        .put("description", "Path of the field in JSON names, e.g. `answers[0].score`.");
    violationProperties.putObject("message").put("type", "string").put("description", "What is wrong with it.");
    properties.putObject("errors").put("type", "array")
        .put("description", "The invalid fields, if any: the first 100 when there are more.")
        .set("items", violation);
    properties.putObject("totalErrors").put("type", "integer")
        .put("description", "How many fields are invalid in all (`errors` lists at most 100).");
    schema.putArray("required").add("type").add("title").add("status");
    return schema;
  }

  /** Simple names where they are unique across the descriptor set, full names where not. */
  private void nameComponents() {
    var all = new ArrayList<GenericDescriptor>();
    for (FileDescriptor file : catalog.files()) {
      file.getMessageTypes().forEach(message -> collect(message, all));
      all.addAll(file.getEnumTypes());
    }
    var counts = new HashMap<String, Integer>();
    for (GenericDescriptor type : all) {
      counts.merge(localName(type), 1, Integer::sum);
    }
    for (GenericDescriptor type : all) {
      String local = localName(type);
      componentNames.put(type.getFullName(), counts.get(local) == 1 ? local : type.getFullName());
    }
  }

  private static void collect(Descriptor message, List<GenericDescriptor> all) {
    all.add(message);
    message.getNestedTypes().forEach(nested -> collect(nested, all));
    all.addAll(message.getEnumTypes());
  }

  /** The name within its package, e.g. {@code Survey} or {@code Outer.Inner}. */
  private static String localName(GenericDescriptor type) {
    String pkg = type.getFile().getPackage();
    return pkg.isEmpty() ? type.getFullName() : type.getFullName().substring(pkg.length() + 1);
  }

  private String componentName(GenericDescriptor type) {
    return componentNames.getOrDefault(type.getFullName(), type.getFullName());
  }

  private java.util.Optional<String> comment(GenericDescriptor descriptor) {
    return comments.of(descriptor);
  }

  private static FieldDescriptor resolve(Descriptor type, String fieldPath) {
    Descriptor current = type;
    FieldDescriptor field = null;
    for (String segment : fieldPath.split("\\.")) {
      if (current == null) {
        return null;
      }
      field = current.findFieldByName(segment);
      if (field == null) {
        return null;
      }
      current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
    }
    return field;
  }

  private static boolean isScalarLike(FieldDescriptor field) {
    return io.cxhub.gateway.transcode.ProtoJsonReader.isScalarLike(field);
  }

  private static boolean isRequired(FieldDescriptor field) {
    return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.REQUIRED);
  }

  /** Declared OUTPUT_ONLY, or documented so: the contracts say "Output only." in comments. */
  private boolean isOutputOnly(FieldDescriptor field) {
    return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.OUTPUT_ONLY)
        || comments.of(field).map(text -> text.contains("Output only")).orElse(false);
  }

  static String firstSentence(String text) {
    String flat = text.replace('\n', ' ');
    int end = flat.indexOf(". ");
    return end < 0 ? flat.strip() : flat.substring(0, end + 1).strip();
  }
}
