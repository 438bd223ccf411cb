package io.cxhub.gateway.session;

import java.time.Instant;

/**
 * A signed-in browser. Only the SHA-256 of the session's cookie value is stored, so a
 * copy of the database opens no session.
 *
 * @param hash SHA-256 of the cookie value, hex
 * @param userId who signed in
 * @param tenantId the user's tenant
 * @param csrfToken the token cookie-authenticated changes must echo in {@code X-CSRF-Token}
 * @param createTime when the user signed in; the session ends {@code absoluteTimeout} later
 * @param lastSeenTime last request; the session ends {@code idleTimeout} after it
 */
public record Session(String hash, String userId, String tenantId, String csrfToken, Instant createTime,
    Instant lastSeenTime) {

  public Session seenAt(Instant time) {
    return new Session(hash, userId, tenantId, csrfToken, createTime, time);
  }
}
