package io.cxhub.survey.outbox;

import io.cxhub.survey.response.SurveyResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The outbox side of the response store: each response carries, per registered subscriber,
 * a pending marker written by the insert that accepts it. Served by the same adapter that
 * owns the {@code responses} schema; every lookup is index-served and costs what it returns.
 */
public interface ResponseOutbox {

  /** Every tenant that has ever had a response (the full recheck visits them). */
  Set<String> tenants();

  /** Tenants whose pending counter for {@code subscriber} is above zero. */
  Set<String> tenantsPending(String subscriber);

  /**
   * Responses of the tenant pending for {@code subscriber} whose next attempt is due at
   * {@code now}, earliest due first, at most {@code limit}.
   */
  List<SurveyResponse> due(String subscriber, String tenantId, Instant now, int limit);

  /** Marks the responses handled by {@code subscriber} (idempotent; unknown ids ignored). */
  void delivered(String subscriber, String tenantId, Collection<String> responseIds, Instant at);

  /** Counts a failed attempt on each and keeps them pending, not due before {@code next}. */
  void defer(String subscriber, String tenantId, Collection<String> responseIds, Instant next);

  /** Takes a response out of {@code subscriber}'s outbox for good, keeping the reason. */
  void failed(String subscriber, String tenantId, String responseId, String reason, Instant at);

  /**
   * Pending count (a maintained counter: O(1) in the stored responses) and the submit time
   * of the earliest-due pending response (null when none).
   */
  Lag lag(String subscriber);

  record Lag(long pending, Instant oldestDueSubmitTime) {}
}
