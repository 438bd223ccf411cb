package io.cxhub.kit.id;

import java.security.SecureRandom;

/**
 * Random identifiers: 128 bits from a {@link SecureRandom}, written in lowercase base32
 * (26 characters, URL-safe). Unguessable, so an id can be handed to the public (a
 * survey id used by respondents) without exposing neighbouring resources.
 */
public final class Ids {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return base32(bytes);
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
