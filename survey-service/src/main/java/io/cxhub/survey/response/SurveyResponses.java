package io.cxhub.survey.response;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage port of responses and of their outbox state (which lives in the same document).
 * Every method is scoped to one tenant.
 */
public interface SurveyResponses {

  /**
   * Stores a new response, pending for the relay, in one single-document write.
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
   * What the store filters on.
   *
   * @param surveyIds null for any survey
   * @param channel null for any channel
   * @param from null, or the first submit time included
   * @param to null, or the first submit time excluded
   */
  record StoredFilter(java.util.Set<String> surveyIds, io.cxhub.kit.domain.Channel channel, Instant from, Instant to) {}

  /** A position in submit-time order. */
  record Cursor(Instant submitTime, String responseId) {}

  /**
   * Pending responses of the tenant whose next attempt is due at {@code now}, oldest
   * submission first, at most {@code limit}.
   */
  List<SurveyResponse> findPending(String tenantId, Instant now, int limit);

  /** Marks the responses delivered (idempotent). Ids not found are ignored. */
  void markDelivered(String tenantId, Collection<String> responseIds, Instant deliveredAt);

  /**
   * Counts a rejected delivery on each response and keeps it pending but out of the relay's
   * way until {@code nextAttemptAt}.
   */
  void deferPending(String tenantId, Collection<String> responseIds, Instant nextAttemptAt);

  /** Every tenant that has ever had a response here, i.e. whose outbox the relay must watch. */
  Set<String> tenantsWithResponses();

  /** Size and age of the tenant's outbox. */
  OutboxLag outboxLag(String tenantId);

  /**
   * @param oldestPendingSubmitTime null when nothing is pending
   */
  record OutboxLag(long pending, Instant oldestPendingSubmitTime) {}
}
