package io.cxhub.gateway.admin;

import io.cxhub.gateway.audit.AuditEvent;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Puts what the gateway tells the in-process admin service about a call (the caller's
 * tenant and key id, the client address, the request id; see the gateway's
 * {@code CallContext}) into the gRPC context. The admin server has no port: only the
 * gateway's own transcoder reaches it, after authentication.
 */
final class CallerInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> TENANT = Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> KEY_ID = Metadata.Key.of("x-caller-key-id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> CLIENT_ADDRESS =
      Metadata.Key.of("x-client-address", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  /** The caller of the current call, as the metadata names it. */
  record CallerIdentity(String tenantId, String keyId, AuditEvent.Origin origin) {}

  static final Context.Key<CallerIdentity> CALLER = Context.key("cx-admin-caller");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    var identity = new CallerIdentity(headers.get(TENANT), headers.get(KEY_ID),
        new AuditEvent.Origin(headers.get(CLIENT_ADDRESS), headers.get(REQUEST_ID)));
    return Contexts.interceptCall(Context.current().withValue(CALLER, identity), call, headers, next);
  }
}
