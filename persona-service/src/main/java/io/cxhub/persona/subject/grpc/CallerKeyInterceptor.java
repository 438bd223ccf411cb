package io.cxhub.persona.subject.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Optional;

/**
 * Keeps the id of the caller's API key or user, sent by the gateway in {@code x-caller-key-id},
 * in the gRPC context: the actor that data-subject requests record and audit.
 */
public final class CallerKeyInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> CALLER_KEY_ID = Metadata.Key.of("x-caller-key-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> ACTOR = Context.key("cx-caller-key-id");

  /** The caller of the current call, if the gateway named one. */
  static Optional<String> actor() {
    return Optional.ofNullable(ACTOR.get());
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String actor = headers.get(CALLER_KEY_ID);
    if (actor == null || actor.length() > 128) {
      return next.startCall(call, headers);
    }
    return Contexts.interceptCall(Context.current().withValue(ACTOR, actor), call, headers, next);
  }
}
