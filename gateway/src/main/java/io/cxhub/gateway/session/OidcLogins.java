package io.cxhub.gateway.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Single sign-on attempts under way: what the gateway must remember between sending a
 * browser to the provider and its return. Implementations may block: call them off the
 * event loop.
 */
public interface OidcLogins {

  /**
   * One attempt.
   *
   * @param hash SHA-256 of the value of the browser's {@code cx_oidc} cookie
   * @param state the {@code state} sent to the provider, which must come back unchanged
   * @param nonce the {@code nonce} the ID token must carry
   * @param codeVerifier the PKCE verifier whose S256 challenge was sent
   * @param redirectUri the callback address sent (the token request repeats it)
   * @param createTime when the attempt began
   */
  record Pending(String hash, String state, String nonce, String codeVerifier, String redirectUri,
      Instant createTime) {}

  void insert(Pending pending);

  /** Removes an attempt and returns it: each can be completed once. */
  Optional<Pending> take(String hash);

  /** Drops attempts begun before {@code time}. @return how many */
  long deleteCreatedBefore(Instant time);
}
