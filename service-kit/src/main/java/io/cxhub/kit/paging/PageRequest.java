package io.cxhub.kit.paging;

import io.cxhub.kit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated page request. The token is opaque to clients: it encodes the sort key of
 * the last item of the previous page (keyset pagination), so pages stay stable while
 * items are added, and a token cannot be used to jump to arbitrary offsets. It also
 * carries the {@link PageFilter} of the listing that issued it: a listing that takes
 * filters passes them to {@link #of(int, String, PageFilter)} and makes its next token
 * with {@link #nextToken}, and a token sent with other filters is refused.
 *
 * @param size items per page
 * @param after sort key of the last item of the previous page; null for the first page
 * @param filter the filters of this listing
 */
public record PageRequest(int size, String after, PageFilter filter) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  private static final String VERSION = "v2:";
  /** Tokens issued before filters were bound into them; accepted for unfiltered listings only. */
  private static final String UNBOUND_VERSION = "v1:";

  public PageRequest(int size, String after) {
    this(size, after, PageFilter.NONE);
  }

  /** A request for a listing without filters; see {@link #of(int, String, PageFilter)}. */
  public static PageRequest of(int pageSize, String pageToken) {
    return of(pageSize, pageToken, PageFilter.NONE);
  }

  /**
   * @param pageSize requested size; 0 means the default
   * @param pageToken token of the previous page, or empty for the first page
   * @param filter the listing's filters, as {@link PageFilter#of} makes them from the request
   * @throws InvalidInputException naming {@code page_size} or {@code page_token} (a token
   *     not issued here, or issued for other filters)
   */
  public static PageRequest of(int pageSize, String pageToken, PageFilter filter) {
    if (pageSize < 0 || pageSize > MAX_SIZE) {
      throw InvalidInputException.of("page_size", "must be between 1 and " + MAX_SIZE);
    }
    int size = pageSize == 0 ? DEFAULT_SIZE : pageSize;
    if (pageToken == null || pageToken.isEmpty()) {
      return new PageRequest(size, null, filter);
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw notIssuedHere();
    }
    if (decoded.startsWith(UNBOUND_VERSION) && filter.equals(PageFilter.NONE)) {
      return new PageRequest(size, decoded.substring(UNBOUND_VERSION.length()), filter);
    }
    if (!decoded.startsWith(VERSION)) {
      throw notIssuedHere();
    }
    int colon = decoded.indexOf(':', VERSION.length());
    if (colon < 0) {
      throw notIssuedHere();
    }
    if (!decoded.substring(VERSION.length(), colon).equals(filter.hash())) {
      throw InvalidInputException.of("page_token",
          "was issued for other filters: send the same filters as for the first page, or no token");
    }
    return new PageRequest(size, decoded.substring(colon + 1), filter);
  }

  public boolean isFirst() {
    return after == null;
  }

  /** The token that resumes this listing, with the same filters, after the item whose sort key is {@code lastKey}. */
  public String nextToken(String lastKey) {
    return token(filter, lastKey);
  }

  /** The token that resumes a listing without filters after the item whose sort key is {@code lastKey}. */
  public static String tokenAfter(String lastKey) {
    return token(PageFilter.NONE, lastKey);
  }

  private static String token(PageFilter filter, String lastKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((VERSION + filter.hash() + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  private static InvalidInputException notIssuedHere() {
    return InvalidInputException.of("page_token", "is not a token issued by this API");
  }
}
