package io.cxhub.survey.response;

import io.cxhub.kit.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Response identifiers. With an idempotency key the id is derived from (survey id, key), so
 * a retried submission maps to the same id and the store's unique {@code _id} rejects the
 * second copy; without one it is random. Both forms are 26 lowercase base32 characters.
 */
public final class ResponseIds {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private ResponseIds() {}

  public static String random() {
    return Ids.random();
  }

  /** 128 bits of SHA-256 over the survey id and the key, separated so that no pair collides. */
  public static String fromIdempotencyKey(String surveyId, String key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(surveyId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(key.getBytes(StandardCharsets.UTF_8));
      byte[] hash = digest.digest();
      byte[] first128 = new byte[16];
      System.arraycopy(hash, 0, first128, 0, 16);
      return base32(first128);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String base32(byte[] bytes) {
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
