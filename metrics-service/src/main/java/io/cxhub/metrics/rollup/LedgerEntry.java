package io.cxhub.metrics.rollup;

import java.time.Instant;

/**
 * A recorded item and how far it got.
 *
 * @param applicationId the application that claimed the item when it was first recorded;
 *     only that application ever adds it to the cubes
 * @param appliedAt when its application finished; null while it has not
 */
public record LedgerEntry<T extends LedgerItem>(T item, String applicationId, Instant receivedAt, Instant appliedAt) {

  public boolean isApplied() {
    return appliedAt != null;
  }
}
