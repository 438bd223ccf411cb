package io.cxhub.gateway.catalog;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.cxhub.proto.common.v1.Access;
import io.cxhub.proto.common.v1.AccessRule;

/**
 * One RPC the gateway can call, built once from the descriptor set.
 *
 * @param descriptor the protobuf description (request and response types, options)
 * @param rule who may call it, as the contract declares it ({@code (cx.common.v1.access)})
 * @param backend name of the backend that serves it ({@code survey} for {@code cx.survey.v1})
 * @param grpcMethod the gRPC method with {@link DynamicMessage} marshallers
 */
public record RpcMethod(
    MethodDescriptor descriptor,
    AccessRule rule,
    String backend,
    io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod) {

  /**
   * Who the caller is. An RPC that declares none needs a key like a tenant RPC, and the
   * {@code Authorize} filter then refuses it (a build test keeps every RPC declared).
   */
  public Access access() {
    return rule.getAudience() == Access.ACCESS_UNSPECIFIED ? Access.ACCESS_TENANT : rule.getAudience();
  }

  /** {@code Package.Service/Method}, as gRPC names it. */
  public String fullName() {
    return grpcMethod.getFullMethodName();
  }

  /** The RPC's simple name, e.g. {@code GetSurvey}. */
  public String name() {
    return descriptor.getName();
  }

  public boolean serverStreaming() {
    return descriptor.isServerStreaming();
  }

  /** Full name of the message an RPC returns to send raw bytes instead of JSON. */
  public static final String HTTP_BODY = "google.api.HttpBody";

  /**
   * Whether the RPC answers with {@code google.api.HttpBody}: its {@code data} is the raw
   * HTTP body and its {@code content_type} the body's media type (for a server-streaming
   * RPC, the chunks of one body, typed by the first message).
   */
  public boolean returnsHttpBody() {
    return HTTP_BODY.equals(descriptor.getOutputType().getFullName());
  }
}
