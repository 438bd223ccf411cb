package io.cxhub.kit.tenant;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant a gRPC call acts for. The gateway (or a peer service) sends it in the
 * {@value #METADATA_NAME} metadata entry; {@link TenantServerInterceptor} puts it in the
 * gRPC {@link Context} for the duration of the call, and {@link TenantClientInterceptor}
 * passes it on to outbound calls made while handling it.
 */
public final class TenantContext {

  /** Name of the gRPC metadata entry that carries the tenant id. */
  public static final String METADATA_NAME = "x-tenant-id";

  public static final Metadata.Key<String> METADATA_KEY =
      Metadata.Key.of(METADATA_NAME, Metadata.ASCII_STRING_MARSHALLER);

  static final Context.Key<String> CONTEXT_KEY = Context.key("cx-tenant");

  /** Lowercase letters, digits and '-', 3 to 40 characters, starting with a letter or digit. */
  public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

  private TenantContext() {}

  /** The tenant of the current call, if the call carries one. */
  public static Optional<String> current() {
    return Optional.ofNullable(CONTEXT_KEY.get());
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
