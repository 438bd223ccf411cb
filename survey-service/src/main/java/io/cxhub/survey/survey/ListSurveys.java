package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.paging.PageRequest;
import java.time.Instant;
import java.util.List;

/**
 * Lists a tenant's surveys newest first with keyset pagination: the page token carries the
 * (create time, id) of the last survey returned, so pages stay stable while surveys are
 * added.
 */
public final class ListSurveys {

  private final Surveys surveys;

  public ListSurveys(Surveys surveys) {
    this.surveys = surveys;
  }

  public Page list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    Surveys.Cursor after = page.isFirst() ? null : parse(page.after());
    List<Survey> found = surveys.listNewestFirst(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new Page(found, "");
    }
    List<Survey> items = found.subList(0, page.size());
    Survey last = items.get(items.size() - 1);
    return new Page(items, PageRequest.tokenAfter(last.createTime().toEpochMilli() + ":" + last.id()));
  }

  private static Surveys.Cursor parse(String key) {
    int colon = key.indexOf(':');
    try {
      if (colon <= 0 || colon == key.length() - 1) {
        throw new IllegalArgumentException();
      }
      return new Surveys.Cursor(
          Instant.ofEpochMilli(Long.parseLong(key.substring(0, colon))), key.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
  }

  /** One page of surveys; {@code nextPageToken} is empty on the last page. */
  public record Page(List<Survey> surveys, String nextPageToken) {

    public Page {
      surveys = List.copyOf(surveys);
    }
  }
}
