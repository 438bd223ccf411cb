package io.cxhub.kit.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The filters of a listing, reduced to a short hash that its page tokens carry: a token is
 * only accepted with the filters it was issued for, so a client that changes the filters
 * and keeps the token gets 400 naming {@code page_token} instead of a silently wrong page.
 *
 * @param hash 11 characters of base64url (64 bits of SHA-256)
 */
public record PageFilter(String hash) {

  /** A listing without filters. */
  public static final PageFilter NONE = of();

  /**
   * The filter made of these values, in order. A value counts by its text ({@code name()}
   * for an enum, {@code toString()} otherwise); null differs from every text, including "".
   */
  public static PageFilter of(Object... values) {
    var canonical = new StringBuilder();
    for (Object value : values) {
      // U+0000 separates values, U+0001 marks a null: neither can appear in a filter text
      // (the services refuse NUL in every string, and U+0001 is not a text a client sends)
      canonical.append(value == null ? "\u0001" : value instanceof Enum<?> e ? e.name() : value.toString())
          .append('\u0000');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return new PageFilter(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
