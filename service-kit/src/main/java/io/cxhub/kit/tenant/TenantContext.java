package io.cxhub.kit.tenant;

import io.cxhub.kit.trust.CallerToken;
import io.grpc.Context;
import io.grpc.Metadata;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant a gRPC call acts for. The gateway (or a peer service) names it in the signed
 * caller token of the call ({@link io.cxhub.kit.trust.CallerTokens}); {@link
 * TenantServerInterceptor} verifies the token and puts the tenant and the caller in the gRPC
 * {@link Context} for the duration of the call, and {@link TenantClientInterceptor} signs a
 * token of this service for the same tenant on outbound calls made while handling it. The
 * {@value #METADATA_NAME} metadata entry is no longer trusted by the services: the gateway
 * still sends it to its in-process admin service, and the kit sets it to the verified
 * tenant for code that reads the headers.
 */
public final class TenantContext {

  /** Name of the gRPC metadata entry that carries the tenant id. */
  public static final String METADATA_NAME = "x-tenant-id";

  public static final Metadata.Key<String> METADATA_KEY =
      Metadata.Key.of(METADATA_NAME, Metadata.ASCII_STRING_MARSHALLER);

  static final Context.Key<String> CONTEXT_KEY = Context.key("cx-tenant");

  static final Context.Key<CallerToken> CALLER_KEY = Context.key("cx-caller");

  /** Lowercase letters, digits and '-', 3 to 40 characters, starting with a letter or digit. */
  public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

  private TenantContext() {}

  /** The tenant of the current call, if the call carries one. */
  public static Optional<String> current() {
    return Optional.ofNullable(CONTEXT_KEY.get());
  }

  /**
   * Who made the current call, as its verified caller token says (the gateway with the
   * role and scopes of the person or key behind the request, or a peer service); empty for
   * a public RPC called without a token, and in background work.
   */
  public static Optional<CallerToken> caller() {
    return Optional.ofNullable(CALLER_KEY.get());
  }

  /**
   * The tenant of the current call.
   *
   * @throws IllegalStateException if the call has none: a tenant-scoped RPC always has
   *     one because the interceptor rejects calls without it, so this is a programming
   *     error (e.g. calling tenant-scoped code from a public RPC).
   */
  public static String require() {
    return current()
        .orElseThrow(() -> new IllegalStateException("no tenant in the current gRPC context"));
  }

  /** A context in which {@link #current()} is {@code tenantId}; for background work. */
  public static Context withTenant(String tenantId) {
    return Context.current().withValue(CONTEXT_KEY, tenantId);
  }

  public static boolean isValid(String tenantId) {
    return tenantId != null && TENANT_ID.matcher(tenantId).matches();
  }
}
