package io.cxhub.kit.paging;

import io.cxhub.kit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated page request. The token is opaque to clients: it encodes the sort key of
 * the last item of the previous page (keyset pagination), so pages stay stable while
 * items are added, and a token cannot be used to jump to arbitrary offsets.
 */
public record PageRequest(int size, String after) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /**
   * @param pageSize requested size; 0 means the default
   * @param pageToken token of the previous page, or empty for the first page
   * @throws InvalidInputException naming {@code page_size} or {@code page_token}
   */
  public static PageRequest of(int pageSize, String pageToken) {
    if (pageSize < 0 || pageSize > MAX_SIZE) {
      throw InvalidInputException.of("page_size", "must be between 1 and " + MAX_SIZE);
    }
    int size = pageSize == 0 ? DEFAULT_SIZE : pageSize;
    if (pageToken == null || pageToken.isEmpty()) {
      return new PageRequest(size, null);
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
      if (!decoded.startsWith("v1:")) {
        throw new IllegalArgumentException();
      }
      return new PageRequest(size, decoded.substring(3));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
  }

  public boolean isFirst() {
    return after == null;
  }

  /** The token that resumes after the item whose sort key is {@code lastKey}. */
  public static String tokenAfter(String lastKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("v1:" + lastKey).getBytes(StandardCharsets.UTF_8));
  }
}
