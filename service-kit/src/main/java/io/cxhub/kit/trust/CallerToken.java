package io.cxhub.kit.trust;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a signed caller token says about a gRPC call: who signed it ({@code principal}: the
 * gateway or a peer service), which gRPC service it is for ({@code audience}), the tenant
 * the call acts for, the role and scopes of the person or key behind it (set by the
 * gateway; a peer service acting on its own has none), the request id and its validity.
 * Built with {@link #builder()}; {@link CallerTokens} signs and verifies it.
 */
public record CallerToken(String principal, String audience, Optional<String> tenant, Optional<String> role,
    List<String> scopes, Optional<String> requestId, Instant issuedAt, Instant expiresAt) {

  public CallerToken {
    tenant = tenant == null ? Optional.empty() : tenant;
    role = role == null ? Optional.empty() : role;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    requestId = requestId == null ? Optional.empty() : requestId;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the caller is the gateway acting for a person or API key (rather than a peer service). */
  public boolean fromGateway() {
    return CallerTokens.GATEWAY.equals(principal);
  }

  public static final class Builder {
    private String principal;
    private String audience;
    private String tenant;
    private String role;
    private List<String> scopes = List.of();
    private String requestId;
    private Instant issuedAt;
    private Instant expiresAt;

    private Builder() {}

    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    /** The full name of the gRPC service called, e.g. {@code cx.survey.v1.SurveyService}. */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder role(String role) {
      this.role = role;
      return this;
    }

    public Builder scopes(List<String> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public CallerToken build() {
      return new CallerToken(principal, audience, Optional.ofNullable(tenant), Optional.ofNullable(role), scopes,
          Optional.ofNullable(requestId), issuedAt, expiresAt);
    }
  }
}
