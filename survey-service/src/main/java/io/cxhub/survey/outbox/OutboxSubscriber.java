package io.cxhub.survey.outbox;

import io.cxhub.survey.response.SurveyResponse;
import java.util.List;
import java.util.Set;

/**
 * A named consumer of the response outbox: every accepted response is stored pending for
 * every registered subscriber, in the insert that accepts it, and stays pending for a
 * subscriber until that subscriber has handled it. Subscribers do not see each other: each
 * has its own pending/delivered state, attempts and backoff.
 *
 * <p>To add one, declare an {@link OutboxSubscription} bean (see docs/architecture.md, "Outbox
 * subscribers"): the response store then writes its pending marker on every new response,
 * declares its index, and an {@link OutboxWorker} drives it.
 */
public interface OutboxSubscriber {

  /** Stable name, stored in each response ({@code outbox.<name>}): letters and digits only. */
  String name();

  /**
   * Handles a batch of one tenant's responses, oldest due first. Runs on the subscriber's
   * worker thread only, never on a respondent's request.
   *
   * @return the ids handled; the others are retried later with backoff (and set aside as
   *     FAILED after {@link OutboxSettings#maxAttempts()})
   * @throws io.cxhub.kit.error.DependencyUnavailableException when what it delivers to is
   *     unreachable: the worker pauses with backoff, leaving the batch pending and its
   *     attempts unchanged
   */
  Set<String> handle(String tenantId, List<SurveyResponse> batch);

  /**
   * Whether the subscriber also handles answers imported with an earlier submit time (a
   * history import). A subscriber that acts on the present, such as the alert evaluation,
   * says no: those answers are stored as already delivered to it.
   */
  default boolean handlesImportedHistory() {
    return true;
  }

  /** Why a response of the last batch was not handled, kept when it is set aside. */
  default String unhandledReason(String responseId) {
    return "not handled by " + name();
  }
}
