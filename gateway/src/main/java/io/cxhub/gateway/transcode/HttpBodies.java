package io.cxhub.gateway.transcode;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import org.springframework.http.MediaType;

/**
 * Reads a {@code google.api.HttpBody} reply held as a {@link DynamicMessage}, and fills one
 * from a raw request body.
 */
final class HttpBodies {

  private HttpBodies() {}

  /** The raw body and its media type ({@code application/octet-stream} when none is given). */
  record Raw(MediaType contentType, byte[] data) {}

  static Raw of(DynamicMessage body) {
    var type = body.getDescriptorForType();
    String contentType = (String) body.getField(type.findFieldByName("content_type"));
    ByteString data = (ByteString) body.getField(type.findFieldByName("data"));
    MediaType media = contentType == null || contentType.isBlank()
        ? MediaType.APPLICATION_OCTET_STREAM
        : MediaType.parseMediaType(contentType);
    return new Raw(media, data.toByteArray());
  }

  /**
   * Sets an HttpBody's {@code data} to the raw bytes and its {@code content_type} to the
   * request's declared type (left empty when none was declared).
   */
  static void fill(Message.Builder httpBody, byte[] data, MediaType contentType) {
    var type = httpBody.getDescriptorForType();
    httpBody.setField(type.findFieldByName("data"), ByteString.copyFrom(data));
    if (contentType != null) {
      httpBody.setField(type.findFieldByName("content_type"), contentType.toString());
    }
  }
}
