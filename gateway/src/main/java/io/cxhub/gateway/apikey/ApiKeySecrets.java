package io.cxhub.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing API key secrets.
 *
 * <p>A secret is {@code cxk_} followed by 32 random bytes in base64url (256 bits from
 * {@link SecureRandom}). Only its SHA-256 is stored, and the hash is the lookup key. A
 * fast, unsalted hash is adequate here, unlike for passwords: slow, salted hashes exist
 * to make guessing low-entropy human secrets expensive, but nobody can enumerate a 2^256
 * space whatever the hash costs, and a salt would defeat the O(1) lookup by hash that
 * lets every request be verified with one indexed read. A stolen hash table therefore
 * yields no usable key.
 */
public final class ApiKeySecrets {

  public static final String PREFIX = "cxk_";
  /** How many characters of a secret are kept to recognise it: the prefix and 8 more. */
  static final int VISIBLE_CHARACTERS = PREFIX.length() + 8;

  private static final int SECRET_BYTES = 32;
  private static final int KEY_ID_BYTES = 8;

  private final SecureRandom random;

  public ApiKeySecrets(SecureRandom random) {
    this.random = random;
  }

  /** A new secret, e.g. {@code cxk_Q2h…} (47 characters). */
  public String newSecret() {
    var bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A new key id: 16 hex digits. */
  public String newKeyId() {
    var bytes = new byte[KEY_ID_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** SHA-256 of the secret's UTF-8 bytes, lowercase hex. */
  public static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The part of a secret that may be shown: its first characters. */
  public static String visiblePrefix(String secret) {
    return secret.length() <= VISIBLE_CHARACTERS ? secret.substring(0, Math.min(4, secret.length()))
        : secret.substring(0, VISIBLE_CHARACTERS);
  }
}
