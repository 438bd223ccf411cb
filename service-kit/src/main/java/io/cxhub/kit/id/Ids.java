package io.cxhub.kit.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Identifiers of 128 bits written in lowercase base32 (26 characters, URL-safe).
 * {@link #random()} ones come from a {@link SecureRandom}: unguessable, so an id can be
 * handed to the public (a survey id used by respondents) without exposing neighbouring
 * resources. {@link #derived} ones are a hash of their parts, so the same parts always
 * give the same id (an idempotent retry finds what the first attempt stored).
 */
public final class Ids {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * The {@code _id} of a document that belongs to a tenant: {@code <tenantId>:<id>}. Reads
   * and writes by this key are tenant-scoped by construction (another tenant's document has
   * another key) and go by primary key alone. A tenant id never contains {@code ':'}, so the
   * key says where the tenant ends.
   *
   * @throws IllegalArgumentException if the tenant id is empty or contains {@code ':'}
   */
  public static String tenantScoped(String tenantId, String id) {
    if (tenantId == null || tenantId.isEmpty() || tenantId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("tenant id must be non-empty and without ':': " + tenantId);
    }
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    return tenantId + ':' + id;
  }

  public static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return base32(bytes);
  }

  /**
   * The first 128 bits of SHA-256 over the UTF-8 parts, each separated from the next by a
   * 0 byte so that where a part ends matters ("ab", "c" and "a", "bc" differ). Stable: ids
   * derived this way are stored (survey response ids), so the computation must never change.
   */
  public static String derived(String... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        digest.update((byte) 0);
      }
      digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    byte[] first128 = new byte[16];
    System.arraycopy(digest.digest(), 0, first128, 0, 16);
    return base32(first128);
  }

  static String base32(byte[] bytes) {
    var out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
