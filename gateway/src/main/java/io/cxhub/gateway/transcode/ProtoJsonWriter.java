package io.cxhub.gateway.transcode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.gateway.catalog.HttpBinding;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes response messages as proto3 JSON: lowerCamel names, int64 as strings, enums by
 * name, and fields without presence printed even when they hold their default value, so
 * that a client sees {@code "n": "0"} rather than a missing {@code n}.
 */
public final class ProtoJsonWriter {

  private final JsonFormat.Printer printer;
  private final ObjectMapper mapper = new ObjectMapper();

  public ProtoJsonWriter(TypeRegistry types) {
    this.printer = JsonFormat.printer()
        .usingTypeRegistry(types)
        .alwaysPrintFieldsWithNoPresence()
        .omittingInsignificantWhitespace();
  }

  public byte[] write(Message message) {
    try {
      return printer.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName(), e);
    }
  }

  /** The HTTP body of a response: the whole message, or the field the rule's {@code response_body} names. */
  public byte[] writeResponse(HttpBinding binding, Message response) {
    Optional<FieldDescriptor> field = binding.responseBodyField();
    if (field.isEmpty()) {
      return write(response);
    }
    if (field.get().getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.get().isRepeated()) {
      return write((Message) response.getField(field.get()));
    }
    // scalars and lists: let JsonFormat apply its rules, then cut the field out
    try {
      JsonNode whole = mapper.readTree(write(response));
      return mapper.writeValueAsBytes(whole.get(field.get().getJsonName()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot extract " + field.get().getFullName(), e);
    }
  }
}
