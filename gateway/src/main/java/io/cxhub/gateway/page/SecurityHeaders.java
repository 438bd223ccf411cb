package io.cxhub.gateway.page;

import org.springframework.http.HttpHeaders;

/**
 * Security headers of the hosted pages: scripts and styles from this origin only (plus the
 * hash of the page's one inline style, its accent colour), images from here or https (the
 * tenant's logo), no referrer (the URL holds the token), nothing cached (each view has its
 * own idempotency key), and no framing except for widget and in-app links.
 */
final class SecurityHeaders {

  private SecurityHeaders() {}

  /** @param styleHash base64 SHA-256 of the inline style, or null for a response without one */
  static void apply(HttpHeaders headers, String styleHash, boolean frameable) {
    headers.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'"
        + (styleHash == null ? "" : " 'sha256-" + styleHash + "'")
        + "; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors "
        + (frameable ? "*" : "'none'"));
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    headers.set("Cache-Control", "no-store");
    if (!frameable) {
      headers.set("X-Frame-Options", "DENY");
      headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }
  }
}
