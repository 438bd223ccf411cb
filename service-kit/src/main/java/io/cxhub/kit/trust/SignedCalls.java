package io.cxhub.kit.trust;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.function.Supplier;

/**
 * A client interceptor that signs every call with a fresh caller token (the called gRPC
 * service as audience), for code that calls a service for a fixed tenant outside any gRPC
 * context: tests, benchmarks, tools running in the same JVM as the services.
 */
public final class SignedCalls {

  private SignedCalls() {}

  /** Signs with {@code tokens} the claims {@code claims} gives for each call. */
  public static ClientInterceptor signing(CallerTokens tokens, Supplier<CallerToken.Builder> claims) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(CallerTokens.AUTHORIZATION, tokens.bearer(claims.get().audience(method.getServiceName())));
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** Signs as {@code tokens}' principal acting for {@code tenant}. */
  public static ClientInterceptor forTenant(CallerTokens tokens, String tenant) {
    return signing(tokens, () -> CallerToken.builder().tenant(tenant));
  }
}
