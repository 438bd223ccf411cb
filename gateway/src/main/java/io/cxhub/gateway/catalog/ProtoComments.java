package io.cxhub.gateway.catalog;

import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leading comments of services, RPCs, messages, fields, enums and enum values, read
 * once from the descriptor set's source info. They are the API documentation.
 */
public final class ProtoComments {

  // field numbers of FileDescriptorProto / DescriptorProto / ... used in SourceCodeInfo paths
  private static final int FILE_MESSAGE = 4;
  private static final int FILE_ENUM = 5;
  private static final int FILE_SERVICE = 6;
  private static final int MESSAGE_FIELD = 2;
  private static final int MESSAGE_NESTED = 3;
  private static final int MESSAGE_ENUM = 4;
  private static final int ENUM_VALUE = 2;
  private static final int SERVICE_METHOD = 2;

  private final Map<GenericDescriptor, String> comments = new HashMap<>();

  ProtoComments(List<FileDescriptor> files) {
    for (FileDescriptor file : files) {
      index(file);
    }
  }

  /** The cleaned-up leading comment of a descriptor, if it has one. */
  public Optional<String> of(GenericDescriptor descriptor) {
    return Optional.ofNullable(comments.get(descriptor));
  }

  private void index(FileDescriptor file) {
    SourceCodeInfo info = file.toProto().getSourceCodeInfo();
    if (info.getLocationCount() == 0) {
      return;
    }
    var byPath = new HashMap<List<Integer>, String>();
    for (SourceCodeInfo.Location location : info.getLocationList()) {
      if (location.hasLeadingComments()) {
        byPath.put(location.getPathList(), clean(location.getLeadingComments()));
      }
    }
    List<Descriptor> messages = file.getMessageTypes();
    for (int i = 0; i < messages.size(); i++) {
      indexMessage(messages.get(i), List.of(FILE_MESSAGE, i), byPath);
    }
    List<EnumDescriptor> enums = file.getEnumTypes();
    for (int i = 0; i < enums.size(); i++) {
      indexEnum(enums.get(i), List.of(FILE_ENUM, i), byPath);
    }
    List<ServiceDescriptor> services = file.getServices();
    for (int i = 0; i < services.size(); i++) {
      ServiceDescriptor service = services.get(i);
      List<Integer> path = List.of(FILE_SERVICE, i);
      put(service, path, byPath);
      for (int m = 0; m < service.getMethods().size(); m++) {
        put(service.getMethods().get(m), append(path, SERVICE_METHOD, m), byPath);
      }
    }
  }

  private void indexMessage(Descriptor message, List<Integer> path, Map<List<Integer>, String> byPath) {
    put(message, path, byPath);
    for (int f = 0; f < message.getFields().size(); f++) {
      put(message.getFields().get(f), append(path, MESSAGE_FIELD, f), byPath);
    }
    for (int n = 0; n < message.getNestedTypes().size(); n++) {
      indexMessage(message.getNestedTypes().get(n), append(path, MESSAGE_NESTED, n), byPath);
    }
    for (int e = 0; e < message.getEnumTypes().size(); e++) {
      indexEnum(message.getEnumTypes().get(e), append(path, MESSAGE_ENUM, e), byPath);
    }
  }

  private void indexEnum(EnumDescriptor enumType, List<Integer> path, Map<List<Integer>, String> byPath) {
    put(enumType, path, byPath);
    for (int v = 0; v < enumType.getValues().size(); v++) {
      put(enumType.getValues().get(v), append(path, ENUM_VALUE, v), byPath);
    }
  }

  private void put(GenericDescriptor descriptor, List<Integer> path, Map<List<Integer>, String> byPath) {
    String comment = byPath.get(path);
    if (comment != null && !comment.isEmpty()) {
      comments.put(descriptor, comment);
    }
  }

  private static List<Integer> append(List<Integer> path, int kind, int index) {
    var longer = new ArrayList<Integer>(path.size() + 2);
    longer.addAll(path);
    longer.add(kind);
    longer.add(index);
    return longer;
  }

  /** Drops the one space protoc keeps after {@code //} and surrounding blank lines. */
  static String clean(String raw) {
    var lines = new ArrayList<String>();
    for (String line : raw.split("\n", -1)) {
      String stripped = line.startsWith(" ") ? line.substring(1) : line;
      lines.add(stripped.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}
