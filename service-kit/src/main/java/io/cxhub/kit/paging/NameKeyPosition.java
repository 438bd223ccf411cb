package io.cxhub.kit.paging;

import io.cxhub.kit.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Where a page ends in a list ordered by name key, then id (see
 * {@link io.cxhub.kit.text.NameKey}): the keyset that a page token carries, so the next
 * page starts right after it whatever was added since. The token holds
 * {@code <id>:<nameKey>} inside a {@link PageRequest} token; ids are random lowercase
 * base32, so the first colon ends the id and the name key may contain colons.
 */
public record NameKeyPosition(String nameKey, String id) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]{1,64}");

  /** The opaque page token that resumes after the item with this id and name key. */
  public static String tokenAfter(String id, String nameKey) {
    return PageRequest.tokenAfter(id + ":" + nameKey);
  }

  /**
   * Reads the position out of a decoded page token ({@link PageRequest#after()}).
   *
   * @throws InvalidInputException naming {@code page_token} if it was not issued here
   */
  public static NameKeyPosition parse(String after) {
    int colon = after.indexOf(':');
    if (colon < 0 || !ID.matcher(after.substring(0, colon)).matches()) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
    return new NameKeyPosition(after.substring(colon + 1), after.substring(0, colon));
  }

  /** Whether the item with this name key and id comes after this position in the list order. */
  public boolean precedes(String itemNameKey, String itemId) {
    int byName = itemNameKey.compareTo(nameKey);
    return byName > 0 || (byName == 0 && itemId.compareTo(id) > 0);
  }
}
