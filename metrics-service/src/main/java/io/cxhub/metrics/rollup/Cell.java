package io.cxhub.metrics.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cell of a cube: one combination of dimension values (channel, stage, segment, …). The
 * pre-aggregated "bucket" of the domain is a cell of a day or month cube.
 *
 * @param dims dimension name → value; an absent dimension and an empty value are the same
 */
public record Cell(SortedMap<String, String> dims) {

  public Cell {
    var copy = new TreeMap<String, String>();
    dims.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        copy.put(name, value);
      }
    });
    dims = Collections.unmodifiableSortedMap(copy);
  }

  public static Cell of(Map<String, String> dims) {
    return new Cell(new TreeMap<>(dims));
  }

  /** The value of a dimension, empty when the cell has none. */
  public String get(String dimension) {
    return dims.getOrDefault(dimension, "");
  }

  /**
   * The cell's field name inside its cube: the first 64 bits of SHA-256 of the dimensions,
   * each part length-prefixed (no two cells collide by shifting text between parts, and the
   * name never holds the {@code .} or {@code $} that MongoDB field names forbid).
   */
  public String key() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      dims.forEach((name, value) -> {
        update(digest, name);
        update(digest, value);
      });
      byte[] hash = digest.digest();
      var hex = new StringBuilder(17).append('c');
      for (int i = 0; i < 8; i++) {
        hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
        (byte) (bytes.length >>> 8), (byte) bytes.length});
    digest.update(bytes);
  }
}
