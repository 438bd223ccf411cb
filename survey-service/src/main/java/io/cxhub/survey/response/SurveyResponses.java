package io.cxhub.survey.response;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage port of responses. Their outbox state lives in the same document and is served by
 * the same adapter ({@link io.cxhub.survey.outbox.ResponseOutbox}).
 * Every method is scoped to one tenant.
 */
public interface SurveyResponses {

  /**
   * The names of the registered outbox subscribers: a new response is accepted pending for
   * each of them ({@link Outbox#pending}).
   */
  java.util.List<String> outboxSubscribers();

  /**
   * Stores a new response with its outbox states in one single-document write.
   *
   * @return false if a response with the same id exists already (an idempotent replay);
   *     nothing is then changed
   */
  boolean insert(SurveyResponse response);

  Optional<SurveyResponse> find(String tenantId, String responseId);

  /**
   * Responses of the tenant matching {@code filter}, newest first (submit time, then
   * response id, both descending), strictly after {@code after} when given.
   */
  List<SurveyResponse> listNewestFirst(String tenantId, StoredFilter filter, Cursor after, int limit);

  /**
   * Responses of one survey, oldest first (submit time, then response id), strictly after
   * {@code after} when given: the export's order.
   */
  List<SurveyResponse> listOldestFirst(String tenantId, String surveyId, Cursor after, int limit);

  /**
   * What the store filters on. The NPS category and comment presence are those of
   * {@link SurveyResponse#npsCategory()} and {@link SurveyResponse#hasComment()}.
   *
   * @param surveyIds null for any survey
   * @param channel null for any channel
   * @param from null, or the first submit time included
   * @param to null, or the first submit time excluded
   * @param npsCategory null for any (responses without an NPS score match only null)
   * @param withComment null for any; true only with a comment, false only without
   */
  record StoredFilter(java.util.Set<String> surveyIds, io.cxhub.kit.domain.Channel channel, Instant from, Instant to,
      io.cxhub.kit.domain.NpsCategory npsCategory, Boolean withComment) {

    /** No filter but the survey ids (null: any). */
    public static StoredFilter surveys(java.util.Set<String> surveyIds) {
      return new StoredFilter(surveyIds, null, null, null, null, null);
    }

    /** Whether a response passes the filter (for stores that filter in memory). */
    public boolean matches(SurveyResponse r) {
      return (surveyIds == null || surveyIds.contains(r.surveyId()))
          && (channel == null || channel == r.channel())
          && (from == null || !r.submitTime().isBefore(from))
          && (to == null || r.submitTime().isBefore(to))
          && (npsCategory == null || npsCategory == r.npsCategory())
          && (withComment == null || withComment == r.hasComment());
    }
  }

  /** A position in submit-time order. */
  record Cursor(Instant submitTime, String responseId) {}
}
