package io.cxhub.gateway.transcode;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.cxhub.proto.common.v1.AnnotationsProto;
import org.springframework.http.HttpHeaders;

/**
 * Fills the request fields that the contract binds to an HTTP header with
 * {@code (cx.common.v1.http_header)} (e.g. {@code Idempotency-Key}, {@code Accept-Language})
 * from the request's headers. Top-level string fields only; a header that is present wins
 * over a value from the body or the query.
 */
final class HeaderFields {

  private HeaderFields() {}

  static DynamicMessage fill(DynamicMessage message, HttpHeaders headers) {
    DynamicMessage.Builder builder = null;
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (!field.getOptions().hasExtension(AnnotationsProto.httpHeader)
          || field.getJavaType() != FieldDescriptor.JavaType.STRING
          || field.isRepeated()) {
        continue;
      }
      String value = headers.getFirst(field.getOptions().getExtension(AnnotationsProto.httpHeader));
      if (value != null) {
        if (builder == null) {
          builder = message.toBuilder();
        }
        builder.setField(field, value);
      }
    }
    return builder == null ? message : builder.build();
  }
}
