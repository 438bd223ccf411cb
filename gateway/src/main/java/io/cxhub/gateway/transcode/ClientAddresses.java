package io.cxhub.gateway.transcode;

import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the HTTP client, passed to backends for their per-address limits: the
 * socket's remote address, or the first {@code X-Forwarded-For} entry when the gateway runs
 * behind a trusted proxy ({@code cx.gateway.trust-forwarded-for=true}); a client could
 * otherwise forge the header to escape its limit.
 */
public final class ClientAddresses {

  private final boolean trustForwardedFor;

  public ClientAddresses(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  public Optional<String> of(ServerHttpRequest request) {
    if (trustForwardedFor) {
      String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",", 2)[0].strip();
        if (!first.isEmpty()) {
          return Optional.of(first);
        }
      }
    }
    var remote = request.getRemoteAddress();
    if (remote == null) {
      return Optional.empty();
    }
    return Optional.of(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
  }
}
