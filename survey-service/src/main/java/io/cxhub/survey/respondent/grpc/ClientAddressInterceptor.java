package io.cxhub.survey.respondent.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Copies the respondent's address, which the gateway sends as {@code x-client-address}
 * metadata, into the call's context for the per-address rate limit. A direct gRPC caller
 * without it is limited per token only.
 */
public final class ClientAddressInterceptor implements ServerInterceptor {

  public static final Metadata.Key<String> METADATA_KEY =
      Metadata.Key.of("x-client-address", Metadata.ASCII_STRING_MARSHALLER);
  static final Context.Key<String> ADDRESS = Context.key("cx-client-address");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String address = headers.get(METADATA_KEY);
    if (address == null) {
      return next.startCall(call, headers);
    }
    return Contexts.interceptCall(Context.current().withValue(ADDRESS, address), call, headers, next);
  }

  static String current() {
    String address = ADDRESS.get();
    return address == null ? "" : address;
  }
}
