package io.cxhub.gateway.catalog;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehaviorProto;
import com.google.api.HttpRule;
import com.google.api.pathtemplate.PathTemplate;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.TypeRegistry;
import io.cxhub.proto.common.v1.AccessRule;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the gateway knows about the API, built once at start-up from the descriptor
 * set that the {@code proto} module ships: the HTTP bindings of every RPC that carries a
 * {@code google.api.http} rule, the types (for JSON conversion) and the comments (for the
 * OpenAPI document). RPCs without an HTTP rule are internal and never exposed.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class ApiCatalog {

  /** Where the {@code proto} artifact puts the descriptor set. */
  public static final String DESCRIPTOR_SET = "META-INF/cx/descriptors.binpb";

  private static final Logger log = LoggerFactory.getLogger(ApiCatalog.class);
  private static final Pattern CX_PACKAGE = Pattern.compile("cx\\.([a-z][a-z0-9_]*)\\.v[0-9]+[a-z0-9]*");

  private final List<FileDescriptor> files;
  private final List<HttpBinding> bindings;
  private final List<ServiceDescriptor> services;
  private final TypeRegistry typeRegistry;
  private final ProtoComments comments;

  private ApiCatalog(List<FileDescriptor> files) {
    this.files = List.copyOf(files);
    var bindings = new ArrayList<HttpBinding>();
    var services = new ArrayList<ServiceDescriptor>();
    var types = TypeRegistry.newBuilder();
    for (FileDescriptor file : files) {
      types.add(file.getMessageTypes());
      for (ServiceDescriptor service : file.getServices()) {
        int before = bindings.size();
        for (MethodDescriptor method : service.getMethods()) {
          bindings.addAll(bindingsOf(method));
        }
        if (bindings.size() > before) {
          services.add(service);
        }
      }
    }
    this.bindings = List.copyOf(bindings);
    this.services = List.copyOf(services);
    this.typeRegistry = types.build();
    this.comments = new ProtoComments(files);
  }

  /** Reads the descriptor set from the class path. */
  public static ApiCatalog fromClasspath(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException(DESCRIPTOR_SET + " is not on the class path: is the proto artifact missing?");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DESCRIPTOR_SET, e);
    }
  }

  /** Parses a serialized {@code FileDescriptorSet} that includes its imports. */
  public static ApiCatalog parse(InputStream in) throws IOException {
    var registry = ExtensionRegistry.newInstance();
    registry.add(AnnotationsProto.http);
    registry.add(FieldBehaviorProto.fieldBehavior);
    registry.add(io.cxhub.proto.common.v1.AnnotationsProto.access);
    registry.add(io.cxhub.proto.common.v1.AnnotationsProto.httpHeader);
    FileDescriptorSet set = FileDescriptorSet.parseFrom(in, registry);
    var protos = new LinkedHashMap<String, FileDescriptorProto>();
    for (FileDescriptorProto file : set.getFileList()) {
      protos.put(file.getName(), file);
    }
    var built = new LinkedHashMap<String, FileDescriptor>();
    for (String name : protos.keySet()) {
      build(name, protos, built);
    }
    var catalog = new ApiCatalog(new ArrayList<>(built.values()));
    log.info("API catalog: {} HTTP bindings of {} services from {} proto files",
        catalog.bindings.size(), catalog.services.size(), built.size());
    return catalog;
  }

  private static FileDescriptor build(
      String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalStateException("the descriptor set lacks " + name + ": build it with its imports");
    }
    var dependencies = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < dependencies.length; i++) {
      dependencies[i] = build(proto.getDependency(i), protos, built);
    }
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid descriptor " + name + ": " + e.getMessage(), e);
    }
  }

  /** The HTTP bindings of one RPC: its rule and the rule's additional bindings. */
  static List<HttpBinding> bindingsOf(MethodDescriptor method) {
    if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
      return List.of();
    }
    if (method.isClientStreaming()) {
      log.warn("{} streams its requests, which HTTP/JSON cannot carry; it is not exposed", method.getFullName());
      return List.of();
    }
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    RpcMethod rpc = rpcMethod(method);
    var result = new ArrayList<HttpBinding>();
    result.add(binding(rpc, rule));
    for (HttpRule additional : rule.getAdditionalBindingsList()) {
      result.add(binding(rpc, additional));
    }
    return result;
  }

  /** Builds the binding of one HTTP rule of an RPC, checking that its body fields exist. */
  public static HttpBinding binding(RpcMethod rpc, HttpRule rule) {
    String httpMethod;
    String path;
    switch (rule.getPatternCase()) {
      case GET -> { httpMethod = "GET"; path = rule.getGet(); }
      case PUT -> { httpMethod = "PUT"; path = rule.getPut(); }
      case POST -> { httpMethod = "POST"; path = rule.getPost(); }
      case DELETE -> { httpMethod = "DELETE"; path = rule.getDelete(); }
      case PATCH -> { httpMethod = "PATCH"; path = rule.getPatch(); }
      case CUSTOM -> { httpMethod = rule.getCustom().getKind().toUpperCase(java.util.Locale.ROOT); path = rule.getCustom().getPath(); }
      default -> throw new IllegalStateException(rpc.fullName() + " has an HTTP rule without a pattern");
    }
    TemplateShape shape = TemplateShape.of(path, rpc.fullName());
    var input = rpc.descriptor().getInputType();
    for (String variable : shape.variables()) {
      checkPathVariable(rpc, input, variable);
    }
    if (!rule.getBody().isEmpty() && !"*".equals(rule.getBody()) && input.findFieldByName(rule.getBody()) == null) {
      throw new IllegalStateException(rpc.fullName() + ": body field '" + rule.getBody() + "' is not a field of " + input.getFullName());
    }
    if (!rule.getResponseBody().isEmpty()
        && rpc.descriptor().getOutputType().findFieldByName(rule.getResponseBody()) == null) {
      throw new IllegalStateException(rpc.fullName() + ": response_body '" + rule.getResponseBody() + "' is not a response field");
    }
    return new HttpBinding(rpc, httpMethod, path, PathTemplate.create(path), shape.variables(),
        rule.getBody(), rule.getResponseBody(), shape.literals());
  }

  /** A path variable must name a singular, non-message field, through singular message fields. */
  private static void checkPathVariable(RpcMethod rpc, Descriptor input, String fieldPath) {
    Descriptor current = input;
    String[] segments = fieldPath.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      var field = current == null ? null : current.findFieldByName(segments[i]);
      boolean last = i == segments.length - 1;
      boolean message = field != null && field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE;
      if (field == null || field.isRepeated() || (last && message && !field.getMessageType().getFullName().startsWith("google.protobuf."))) {
        throw new IllegalStateException(rpc.fullName() + ": path variable {" + fieldPath
            + "} must name a singular scalar field of " + input.getFullName());
      }
      current = message ? field.getMessageType() : null;
    }
  }

  /** The gRPC side of an RPC, with marshallers for {@link DynamicMessage}. */
  public static RpcMethod rpcMethod(MethodDescriptor method) {
    var type = method.isServerStreaming()
        ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
        : io.grpc.MethodDescriptor.MethodType.UNARY;
    io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod =
        io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
            .setType(type)
            .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(
                method.getService().getFullName(), method.getName()))
            .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
            .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
            .build();
    AccessRule rule = method.getOptions().getExtension(io.cxhub.proto.common.v1.AnnotationsProto.access);
    return new RpcMethod(method, rule, backendOf(method.getFile().getPackage()), grpcMethod);
  }

  /** {@code cx.survey.v1} → {@code survey}; other packages are served by a backend of their full name. */
  static String backendOf(String protoPackage) {
    Matcher matcher = CX_PACKAGE.matcher(protoPackage);
    return matcher.matches() ? matcher.group(1) : protoPackage;
  }

  public List<HttpBinding> bindings() {
    return bindings;
  }

  /** Services that expose at least one RPC over HTTP, in descriptor-set order. */
  public List<ServiceDescriptor> services() {
    return services;
  }

  /** Every message type of the set, for {@code Any} and JSON conversion. */
  public TypeRegistry typeRegistry() {
    return typeRegistry;
  }

  public ProtoComments comments() {
    return comments;
  }

  public List<FileDescriptor> files() {
    return files;
  }

  /** A message type by full name, e.g. {@code cx.survey.v1.Survey}. */
  public Optional<Descriptor> message(String fullName) {
    return Optional.ofNullable(typeRegistry.find(fullName));
  }

  /** The binding of an RPC by its simple or full name; the first one if it has several. */
  public Optional<HttpBinding> binding(String rpcName) {
    return bindings.stream()
        .filter(b -> b.rpc().name().equals(rpcName) || b.rpc().descriptor().getFullName().equals(rpcName))
        .findFirst();
  }

  /** Names of the backends the bindings need. */
  public List<String> backends() {
    return bindings.stream().map(b -> b.rpc().backend()).distinct().toList();
  }

  /** The variables and literal count of a path template, which {@link PathTemplate} does not expose. */
  record TemplateShape(List<String> variables, int literals) {

    static TemplateShape of(String template, String rpc) {
      if (!template.startsWith("/")) {
        throw new IllegalStateException(rpc + ": path template must start with '/': " + template);
      }
      var variables = new ArrayList<String>();
      int literals = 0;
      var segments = splitOutsideBraces(template.substring(1));
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        boolean last = i == segments.size() - 1;
        if (segment.startsWith("{")) {
          int close = segment.indexOf('}');
          String inside = segment.substring(1, close);
          int eq = inside.indexOf('=');
          variables.add(eq < 0 ? inside : inside.substring(0, eq));
          if (last && segment.indexOf(':', close) > 0) {
            literals++; // custom verb
          }
        } else if (!segment.equals("*") && !segment.equals("**")) {
          literals++;
        }
      }
      return new TemplateShape(Collections.unmodifiableList(variables), literals);
    }

    private static List<String> splitOutsideBraces(String path) {
      var segments = new ArrayList<String>();
      int depth = 0;
      var current = new StringBuilder();
      for (char c : path.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        if (c == '/' && depth == 0) {
          segments.add(current.toString());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      segments.add(current.toString());
      return segments;
    }
  }
}
