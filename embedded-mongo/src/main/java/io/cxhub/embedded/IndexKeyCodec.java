package io.cxhub.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Encodes index key values as strings whose {@link String#compareTo} order is the order in
 * which mongo-java-server compares the values (its {@code ValueComparator}: first the BSON
 * type bracket, then the value). An index entry is the concatenation of its components'
 * encodings; every encoding is self-delimiting, so a prefix of components is a prefix of
 * the string and a range of one component is a range of strings.
 *
 * <p>A descending component is the ascending encoding with every char inverted. Types whose
 * order the encoding does not reproduce (embedded documents, arrays, binary data, regular
 * expressions, timestamps) get their type tag and an exact but arbitrary-ordered rendering:
 * equality still finds them, and an index holding such values is not used for sorting.
 */
final class IndexKeyCodec {

  static final char T_MINKEY = 0x10;
  static final char T_EMPTY_ARRAY = 0x18;
  static final char T_NULL = 0x20;
  static final char T_NUMBER = 0x30;
  static final char T_STRING = 0x40;
  static final char T_DOCUMENT = 0x50;
  static final char T_LIST = 0x58;
  static final char T_BINDATA = 0x60;
  static final char T_LEGACY_UUID = 0x68;
  static final char T_UUID = 0x70;
  static final char T_OBJECTID = 0x78;
  static final char T_BOOLEAN = 0x80;
  static final char T_DATE = 0x88;
  static final char T_TIMESTAMP = 0x90;
  static final char T_REGEX = 0x98;
  static final char T_MAXKEY = 0xA0;


  /** Longs beyond this lose precision as doubles; an index holding them is not used to sort. */
  private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

  private IndexKeyCodec() {
  }

  /**
   * Appends the encoding of {@code value} to {@code out}.
   *
   * @return whether the encoding orders this value exactly as the server compares it
   */
  static boolean encode(Object value, StringBuilder out) {
    if (value == null || value instanceof Missing) {
      out.append(T_NULL); // an absent field sorts and matches {f: null} like null
      return true;
    }
    if (value instanceof MinKey) {
      out.append(T_MINKEY);
      return true;
    }
    if (value instanceof MaxKey) {
      out.append(T_MAXKEY);
      return true;
    }
    if (value instanceof Number number) {
      out.append(T_NUMBER);
      double d = number.doubleValue();
      if (d == 0.0) {
        d = 0.0; // -0.0 equals 0.0
      }
      appendLong(out, sortableDouble(d));
      if (number instanceof Long l && Math.abs(l) > EXACT_DOUBLE_LIMIT) {
        return false;
      }
      return !(value instanceof de.bwaldvogel.mongo.bson.Decimal128);
    }
    if (value instanceof String s) {
      out.append(T_STRING);
      appendEscaped(out, s);
      return true;
    }
    if (value instanceof Boolean b) {
      out.append(T_BOOLEAN).append(b ? (char) 2 : (char) 1);
      return true;
    }
    if (value instanceof Instant instant) {
      out.append(T_DATE);
      appendLong(out, instant.getEpochSecond() ^ Long.MIN_VALUE);
      int nanos = instant.getNano();
      out.append((char) (nanos >>> 16)).append((char) nanos);
      return true;
    }
    if (value instanceof ObjectId id) {
      out.append(T_OBJECTID).append(id.getHexData());
      return true;
    }
    if (value instanceof UUID uuid) {
      out.append(T_UUID);
      appendEscaped(out, uuid.toString());
      return true;
    }
    char tag;
    if (value instanceof Document) {
      tag = T_DOCUMENT;
    } else if (value instanceof Collection<?> c) {
      tag = c.isEmpty() ? T_EMPTY_ARRAY : T_LIST;
    } else if (value instanceof BinData) {
      tag = T_BINDATA;
    } else if (value instanceof LegacyUUID) {
      tag = T_LEGACY_UUID;
    } else if (value instanceof BsonTimestamp) {
      tag = T_TIMESTAMP;
    } else if (value instanceof BsonRegularExpression || value instanceof Pattern) {
      tag = T_REGEX;
    } else {
      tag = T_MAXKEY;
    }
    out.append(tag);
    appendEscaped(out, value.getClass().getSimpleName() + ":" + value);
    return false;
  }

  /** Whether a query literal can bound an index range (its encoding is exact and ordered). */
  static boolean isBoundable(Object value) {
    if (value == null || value instanceof Missing) {
      return false; // {f: null} matches absent and null: handled as a type-bracket prefix
    }
    return value instanceof Number && !(value instanceof de.bwaldvogel.mongo.bson.Decimal128)
        && !(value instanceof Long l && Math.abs(l) > EXACT_DOUBLE_LIMIT)
        || value instanceof String || value instanceof Boolean || value instanceof Instant
        || value instanceof ObjectId || value instanceof UUID;
  }

  /** The type tag of a boundable value (its type bracket for range queries). */
  static char typeTag(Object value) {
    StringBuilder sb = new StringBuilder(4);
    encode(value, sb);
    return sb.charAt(0);
  }

  static String encode(Object value) {
    StringBuilder sb = new StringBuilder(24);
    encode(value, sb);
    return sb.toString();
  }

  static String invert(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (0xFFFF - chars[i]);
    }
    return new String(chars);
  }

  /**
   * The smallest string greater than every string that starts with {@code prefix}, or null
   * when there is none.
   */
  static String successor(String prefix) {
    char[] chars = prefix.toCharArray();
    for (int i = chars.length - 1; i >= 0; i--) {
      if (chars[i] != 0xFFFF) {
        chars[i]++;
        return new String(chars, 0, i + 1);
      }
    }
    return null;
  }

  private static long sortableDouble(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private static void appendLong(StringBuilder out, long v) {
    out.append((char) (v >>> 48)).append((char) (v >>> 32)).append((char) (v >>> 16)).append((char) v);
  }

  /** Chars 0 and 1 are escaped so that the terminator 0 sorts below every content char. */
  private static void appendEscaped(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 1) {
        out.append((char) 1).append((char) (c + 1));
      } else {
        out.append(c);
      }
    }
    out.append((char) 0);
  }
}
