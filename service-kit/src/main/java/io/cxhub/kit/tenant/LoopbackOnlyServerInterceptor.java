package io.cxhub.kit.tenant;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Refuses every call that does not come from this machine's loopback interface. The
 * one-jar run switches it on ({@code cx.grpc.loopback-only=true}): there the services
 * trust the {@code x-tenant-id} metadata because only the gateway should reach them, but
 * spring-grpc 0.12 binds the gRPC port on every interface. In Compose and Kubernetes the
 * network (NetworkPolicies) restricts who reaches a service instead, and this stays off.
 */
public final class LoopbackOnlyServerInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (isLocal(remote)) {
      return next.startCall(call, headers);
    }
    call.close(Status.PERMISSION_DENIED.withDescription(
        "this service only accepts calls from the local machine; use the gateway"), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  static boolean isLocal(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
    }
    // in-process transports and Unix domain sockets never leave the machine
    return remote != null && !(remote instanceof InetSocketAddress);
  }
}
