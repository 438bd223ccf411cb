package io.cxhub.gateway.backend;

import io.cxhub.kit.trust.CallerToken;
import io.cxhub.kit.trust.CallerTokens;
import io.grpc.Metadata;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway tells a backend about a call besides the request message.
 *
 * @param tenantId the tenant bound to the caller's API key; empty for public RPCs
 * @param requestId the request id, for logs across services
 * @param clientAddress the HTTP client's address, for per-address limits and the audit log;
 *     empty when unknown
 * @param callerKeyId the id of the caller's API key (in the caller's tenant); empty for
 *     public RPCs. Read by the gateway's own admin service to know who acts; remote
 *     services do not trust it.
 * @param role the caller's role in its tenant (or the platform operator's), for the services
 *     in the signed caller token; empty for public RPCs
 * @param scopes the caller's key scopes, likewise
 */
public record CallContext(Optional<String> tenantId, String requestId, Optional<String> clientAddress,
    Optional<String> callerKeyId, Optional<String> role, List<String> scopes) {

  public CallContext {
    role = role == null ? Optional.empty() : role;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public CallContext(Optional<String> tenantId, String requestId) {
    this(tenantId, requestId, Optional.empty(), Optional.empty());
  }

  public CallContext(Optional<String> tenantId, String requestId, Optional<String> clientAddress) {
    this(tenantId, requestId, clientAddress, Optional.empty());
  }

  public CallContext(Optional<String> tenantId, String requestId, Optional<String> clientAddress,
      Optional<String> callerKeyId) {
    this(tenantId, requestId, clientAddress, callerKeyId, Optional.empty(), List.of());
  }

  /** The same context with the caller's role and key scopes, which the caller token carries. */
  public CallContext withCaller(String role, List<String> scopes) {
    return new CallContext(tenantId, requestId, clientAddress, callerKeyId, Optional.ofNullable(role), scopes);
  }

  /** gRPC metadata key of the caller's API key id. */
  public static final Metadata.Key<String> CALLER_KEY_ID =
      Metadata.Key.of("x-caller-key-id", Metadata.ASCII_STRING_MARSHALLER);

  /** gRPC metadata key of the client address (read by survey-service's rate limits). */
  public static final Metadata.Key<String> CLIENT_ADDRESS =
      Metadata.Key.of("x-client-address", Metadata.ASCII_STRING_MARSHALLER);

  /** gRPC metadata key the services read the tenant from (service-kit's {@code TenantContext}). */
  public static final Metadata.Key<String> TENANT_ID =
      Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * The metadata of a call to the gRPC service {@code audience}, with the caller token the
   * services take the tenant from (signed by the gateway, valid for that service only;
   * reused by calls with the same tenant, role and scopes for a while, so the request id
   * travels as {@code x-request-id} only).
   */
  public Metadata toMetadata(CallerTokens tokens, String audience) {
    Metadata metadata = toMetadata();
    metadata.put(CallerTokens.AUTHORIZATION, tokens.bearer(CallerToken.builder()
        .audience(audience)
        .tenant(tenantId.orElse(null))
        .role(role.orElse(null))
        .scopes(scopes)));
    return metadata;
  }

  /** The metadata the gateway's in-process admin service reads (no caller token). */
  public Metadata toMetadata() {
    var metadata = new Metadata();
    tenantId.ifPresent(tenant -> metadata.put(TENANT_ID, tenant));
    clientAddress.ifPresent(address -> metadata.put(CLIENT_ADDRESS, address));
    callerKeyId.ifPresent(keyId -> metadata.put(CALLER_KEY_ID, keyId));
    if (requestId != null) {
      metadata.put(REQUEST_ID, requestId);
    }
    return metadata;
  }
}
