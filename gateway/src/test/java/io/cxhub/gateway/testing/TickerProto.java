package io.cxhub.gateway.testing;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.catalog.RpcMethod;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * A server-streaming RPC the contracts do not have yet, built in code:
 * {@code cx.ticker.v1.TickerService/Ticks(TickRequest{count}) returns (stream Tick{n})},
 * bound to {@code GET /v1/ticks}. Its service sends {@code count} ticks.
 */
public final class TickerProto {

  public static final MethodDescriptor TICKS;

  static {
    var file = FileDescriptorProto.newBuilder()
        .setName("cx/ticker/v1/ticker.proto")
        .setPackage("cx.ticker.v1")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("TickRequest")
            .addField(field("count", 1, FieldDescriptorProto.Type.TYPE_INT32)))
        .addMessageType(DescriptorProto.newBuilder().setName("Tick")
            .addField(field("n", 1, FieldDescriptorProto.Type.TYPE_INT64)))
        .addService(ServiceDescriptorProto.newBuilder().setName("TickerService")
            .addMethod(MethodDescriptorProto.newBuilder().setName("Ticks")
                .setInputType(".cx.ticker.v1.TickRequest").setOutputType(".cx.ticker.v1.Tick")
                .setServerStreaming(true)
                .setOptions(MethodOptions.newBuilder()
                    .setExtension(AnnotationsProto.http, HttpRule.newBuilder().setGet("/v1/ticks").build()))))
        .build();
    try {
      TICKS = FileDescriptor.buildFrom(file, new FileDescriptor[0]).findServiceByName("TickerService").getMethods().get(0);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TickerProto() {}

  public static RpcMethod rpc() {
    return ApiCatalog.rpcMethod(TICKS);
  }

  public static HttpBinding binding() {
    return ApiCatalog.binding(rpc(), HttpRule.newBuilder().setGet("/v1/ticks").build());
  }

  /** Sends {@code count} ticks numbered from 1; a count of -1 fails with INVALID_ARGUMENT at once. */
  public static ServerServiceDefinition service() {
    RpcMethod rpc = rpc();
    var count = TICKS.getInputType().findFieldByName("count");
    var n = TICKS.getOutputType().findFieldByName("n");
    return ServerServiceDefinition.builder("cx.ticker.v1.TickerService")
        .addMethod(rpc.grpcMethod(), ServerCalls.asyncServerStreamingCall((request, responses) -> {
          int ticks = (Integer) request.getField(count);
          if (ticks < 0) {
            responses.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription("count must not be negative").asRuntimeException());
            return;
          }
          for (long i = 1; i <= ticks; i++) {
            responses.onNext(DynamicMessage.newBuilder(TICKS.getOutputType()).setField(n, i).build());
          }
          responses.onCompleted();
        }))
        .build();
  }

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setJsonName(name).build();
  }
}
