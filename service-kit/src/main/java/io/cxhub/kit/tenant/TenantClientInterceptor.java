package io.cxhub.kit.tenant;

import io.cxhub.kit.logging.LogContext;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Passes the tenant of the current gRPC context on to an outbound call, so that a peer
 * service scopes its work to the same tenant. Calls made outside any tenant context
 * (there should be none to tenant-scoped RPCs) go out without the entry and the peer
 * rejects them. The request id of the current call goes along too (for the peer's logs).
 */
public final class TenantClientInterceptor implements ClientInterceptor {

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        TenantContext.current().ifPresent(t -> headers.put(TenantContext.METADATA_KEY, t));
        // the request id follows the request into the peer's logs
        if (!headers.containsKey(LogContext.REQUEST_ID_KEY)) {
          LogContext.requestId().ifPresent(id -> headers.put(LogContext.REQUEST_ID_KEY, id));
        }
        super.start(listener, headers);
      }
    };
  }
}
