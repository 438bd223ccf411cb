package io.cxhub.survey.alert;

import java.util.List;
import java.util.Set;

/**
 * The alerting outbox: accepted responses not yet evaluated against the rules. The
 * "pending" marker is written in the same single insert that accepts a response, so a
 * response cannot be accepted without being evaluated later, even if the process dies.
 */
public interface PendingAlerts {

  /** Tenants that may have pending responses. */
  Set<String> tenants();

  /** Oldest first, at most {@code limit}. */
  List<AlertSubject> findPending(String tenantId, int limit);

  /** Marks the response evaluated; idempotent. */
  void markDone(String tenantId, String responseId);

  /** Takes the response out of the outbox after repeated failures, keeping the reason. */
  void markFailed(String tenantId, String responseId, String reason);
}
