package io.cxhub.kit.logging;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request id of a gRPC call: the gateway gives every API request one (echoed to the
 * client in {@code X-Request-Id}) and sends it in the {@value #REQUEST_ID_NAME} metadata
 * entry. {@link LogContextServerInterceptor} keeps it in the gRPC {@link Context} and, with
 * the tenant, in the logs' MDC ({@value #MDC_REQUEST_ID}, {@value #MDC_TENANT}); the kit's
 * client interceptor passes it on to the calls made while handling it.
 */
public final class LogContext {

  public static final String REQUEST_ID_NAME = "x-request-id";
  public static final Metadata.Key<String> REQUEST_ID_KEY =
      Metadata.Key.of(REQUEST_ID_NAME, Metadata.ASCII_STRING_MARSHALLER);

  /** MDC keys: fields of structured log lines, {@code %X{...}} in patterns. */
  public static final String MDC_TENANT = "tenant";
  public static final String MDC_REQUEST_ID = "requestId";

  static final Context.Key<String> REQUEST_ID = Context.key("cx-request-id");

  // ids end up in logs: accept only short, plain ones (the gateway's own rule)
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:+=/-]{1,128}");

  private LogContext() {}

  /** The request id of the current call, if it carries one. */
  public static Optional<String> requestId() {
    return Optional.ofNullable(REQUEST_ID.get());
  }

  static boolean isAcceptable(String requestId) {
    return requestId != null && ACCEPTED.matcher(requestId).matches();
  }
}
