package io.cxhub.kit.tenant;

import io.cxhub.kit.logging.LogContext;
import io.cxhub.kit.trust.CallerToken;
import io.cxhub.kit.trust.CallerTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Objects;

/**
 * Signs every outbound call with a caller token of this service (its own identity, see
 * {@link CallerTokens}) for the tenant of the current gRPC context, so that a peer service
 * scopes its work to the same tenant. Calls made outside any tenant context go out with a
 * token that names no tenant, and the peer rejects them unless the RPC is public. A call
 * that already carries an {@code authorization} entry keeps it. The request id of the
 * current call goes along too, as metadata for the peer's logs (not in the token, so that
 * tokens can be reused: see {@link CallerTokens#bearer}).
 */
public final class TenantClientInterceptor implements ClientInterceptor {

  private final CallerTokens tokens;

  public TenantClientInterceptor(CallerTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        // the request id follows the request into the peer's logs
        if (!headers.containsKey(LogContext.REQUEST_ID_KEY)) {
          LogContext.requestId().ifPresent(id -> headers.put(LogContext.REQUEST_ID_KEY, id));
        }
        if (!headers.containsKey(CallerTokens.AUTHORIZATION)) {
          headers.put(CallerTokens.AUTHORIZATION, tokens.bearer(CallerToken.builder()
              .audience(method.getServiceName())
              .tenant(TenantContext.current().orElse(null))));
        }
        super.start(listener, headers);
      }
    };
  }
}
