package io.cxhub.persona.persona;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.paging.PageRequest;
import java.util.regex.Pattern;

/**
 * Where a page of personas ends in the list order (name key, then id): the keyset that
 * a page token carries, so the next page starts right after it whatever was added since.
 */
public record ListPosition(String nameKey, String id) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]{1,64}");

  /** The opaque page token that resumes after {@code last}. */
  static String tokenAfter(Persona last) {
    return PageRequest.tokenAfter(last.id() + ":" + last.nameKey());
  }

  /**
   * Reads the position out of a decoded page token ({@link PageRequest#after()}).
   *
   * @throws InvalidInputException naming {@code page_token} if it was not issued here
   */
  static ListPosition parse(String after) {
    int colon = after.indexOf(':');
    if (colon < 0 || !ID.matcher(after.substring(0, colon)).matches()) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
    return new ListPosition(after.substring(colon + 1), after.substring(0, colon));
  }
}
