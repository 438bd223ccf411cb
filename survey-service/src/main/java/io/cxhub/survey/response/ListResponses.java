package io.cxhub.survey.response;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.Surveys;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists a tenant's responses newest first with keyset pagination: a page is the responses
 * strictly after the previous page's last (submit time, response id), so page 5,000 costs
 * what page 1 costs. Every filter is the store's (the NPS category and comment presence are
 * stored with each response and indexed); stage and touchpoint become the set of surveys
 * linked to them.
 */
public final class ListResponses {

  private static final int BATCH = 200;

  private final SurveyResponses responses;
  private final Surveys surveys;

  public ListResponses(SurveyResponses responses, Surveys surveys) {
    this.responses = responses;
    this.surveys = surveys;
  }

  public Page list(String tenantId, ResponseQuery query, int pageSize, String pageToken) {
    // the token carries the filters it was issued for: another filter with it is 400, not a wrong page
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(query.surveyId(), query.channel(), query.from(),
        query.to(), query.npsCategory(), query.withComment(), query.stageId(), query.touchpointId()));
    if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
      throw InvalidInputException.of("end_time", "must be after start_time");
    }
    var filter = new SurveyResponses.StoredFilter(surveyIds(tenantId, query), query.channel(), query.from(), query.to(),
        query.npsCategory(), query.withComment());
    if (filter.surveyIds() != null && filter.surveyIds().isEmpty()) {
      return new Page(List.of(), "");
    }
    SurveyResponses.Cursor after = page.isFirst() ? null : parse(page.after());
    List<SurveyResponse> items = responses.listNewestFirst(tenantId, filter, after, page.size() + 1);
    if (items.size() <= page.size()) {
      return new Page(items, "");
    }
    List<SurveyResponse> shown = items.subList(0, page.size());
    SurveyResponse last = shown.get(shown.size() - 1);
    return new Page(shown, page.nextToken(last.submitTime().toEpochMilli() + ":" + last.responseId()));
  }

  public SurveyResponse get(String tenantId, String responseId) {
    if (responseId == null || responseId.isEmpty()) {
      throw InvalidInputException.of("response_id", "is required");
    }
    return responses.find(tenantId, responseId).orElseThrow(() -> new NotFoundException("response", responseId));
  }

  /** null: any survey; otherwise the surveys the survey, stage and touchpoint filters allow. */
  private Set<String> surveyIds(String tenantId, ResponseQuery query) {
    boolean byJourney = notEmpty(query.stageId()) || notEmpty(query.touchpointId());
    if (!byJourney) {
      return notEmpty(query.surveyId()) ? Set.of(query.surveyId()) : null;
    }
    var ids = new HashSet<String>();
    Surveys.Cursor cursor = null;
    while (true) {
      List<Survey> batch = surveys.listNewestFirst(tenantId, cursor, BATCH);
      for (Survey s : batch) {
        boolean stageOk = !notEmpty(query.stageId()) || query.stageId().equals(s.journeyLink().stageId());
        boolean touchpointOk =
            !notEmpty(query.touchpointId()) || query.touchpointId().equals(s.journeyLink().touchpointId());
        boolean surveyOk = !notEmpty(query.surveyId()) || query.surveyId().equals(s.id());
        if (stageOk && touchpointOk && surveyOk) {
          ids.add(s.id());
        }
      }
      if (batch.size() < BATCH) {
        return ids;
      }
      Survey last = batch.get(batch.size() - 1);
      cursor = new Surveys.Cursor(last.createTime(), last.id());
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static SurveyResponses.Cursor parse(String key) {
    int colon = key.indexOf(':');
    try {
      if (colon <= 0 || colon == key.length() - 1) {
        throw new IllegalArgumentException();
      }
      return new SurveyResponses.Cursor(
          Instant.ofEpochMilli(Long.parseLong(key.substring(0, colon))), key.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
  }

  /** One page of responses; {@code nextPageToken} is empty on the last page. */
  public record Page(List<SurveyResponse> responses, String nextPageToken) {

    public Page {
      responses = List.copyOf(responses);
    }
  }
}
