package io.cxhub.gateway.catalog;

import com.google.api.pathtemplate.PathTemplate;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * One {@code google.api.http} rule of an RPC: an HTTP method and path template, and where
 * the request message comes from.
 *
 * @param rpc the RPC called
 * @param httpMethod upper-case HTTP method
 * @param path the template as written in the contract, e.g. {@code /v1/surveys/{survey_id}}
 * @param template the compiled template
 * @param pathFields field paths bound by the template's variables (proto names), in order
 * @param body {@code ""} (no body), {@code "*"} (the whole request) or a top-level field name
 * @param responseBody {@code ""} (the whole response) or a top-level field of the response
 * @param literalSegments how many literal segments the template has; more literals win
 *     when two templates match the same path
 */
public record HttpBinding(
    RpcMethod rpc,
    String httpMethod,
    String path,
    PathTemplate template,
    List<String> pathFields,
    String body,
    String responseBody,
    int literalSegments) {

  public HttpBinding {
    pathFields = List.copyOf(pathFields);
  }

  public boolean hasBody() {
    return !body.isEmpty();
  }

  public boolean wholeRequestIsBody() {
    return "*".equals(body);
  }

  /** The request field that receives the body, when the rule names one. */
  public Optional<FieldDescriptor> bodyField() {
    if (!hasBody() || wholeRequestIsBody()) {
      return Optional.empty();
    }
    return Optional.ofNullable(rpc.descriptor().getInputType().findFieldByName(body));
  }

  /**
   * Whether the request body is raw bytes rather than JSON: the request message, or the
   * rule's body field, is a {@code google.api.HttpBody}.
   */
  public boolean takesRawBody() {
    if (wholeRequestIsBody()) {
      return RpcMethod.HTTP_BODY.equals(rpc.descriptor().getInputType().getFullName());
    }
    return bodyField()
        .filter(field -> field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated())
        .map(field -> RpcMethod.HTTP_BODY.equals(field.getMessageType().getFullName()))
        .orElse(false);
  }

  /** The response field printed as the HTTP body, when the rule names one. */
  public Optional<FieldDescriptor> responseBodyField() {
    if (responseBody.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(rpc.descriptor().getOutputType().findFieldByName(responseBody));
  }

  @Override
  public String toString() {
    return httpMethod + " " + path + " -> " + rpc.fullName();
  }
}
