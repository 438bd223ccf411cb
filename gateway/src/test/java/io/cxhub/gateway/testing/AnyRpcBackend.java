package io.cxhub.gateway.testing;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.stub.ServerCalls;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gRPC backend that answers every RPC of the contracts with an empty reply (one message
 * for a stream) and records the metadata of each call: a stand-in for the services when
 * only the gateway's decision matters.
 */
public final class AnyRpcBackend extends HandlerRegistry {

  /** One call: the RPC's full name and the metadata it came with. */
  public record Call(String method, Metadata headers) {}

  private final Map<String, MethodDescriptor> methods = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  public AnyRpcBackend(ApiCatalog catalog) {
    catalog.files().forEach(file -> file.getServices().forEach(service -> service.getMethods().forEach(method ->
        methods.put(service.getFullName() + "/" + method.getName(), method))));
  }

  @Override
  public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
    MethodDescriptor method = methods.get(methodName);
    if (method == null) {
      return null;
    }
    var grpcMethod = ApiCatalog.rpcMethod(method).grpcMethod();
    DynamicMessage reply = DynamicMessage.getDefaultInstance(method.getOutputType());
    ServerCallHandler<DynamicMessage, DynamicMessage> handler = method.isServerStreaming()
        ? ServerCalls.asyncServerStreamingCall((request, responses) -> {
            responses.onNext(reply);
            responses.onCompleted();
          })
        : ServerCalls.asyncUnaryCall((request, responses) -> {
            responses.onNext(reply);
            responses.onCompleted();
          });
    var definition = ServerMethodDefinition.create(grpcMethod, handler);
    return ServerInterceptors.intercept(
        io.grpc.ServerServiceDefinition.builder(method.getService().getFullName()).addMethod(definition).build(),
        new io.grpc.ServerInterceptor() {
          @Override
          public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
              ServerCallHandler<Q, R> next) {
            calls.add(new Call(methodName, headers));
            return next.startCall(call, headers);
          }
        }).getMethod(methodName);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public void clear() {
    calls.clear();
  }
}
