package io.cxhub.metrics.customerfeed;

import java.util.List;

/** persona-service as the relay sees it: applies entries at most once per event id. */
public interface CustomerEventSink {

  /**
   * Delivers a tenant's entries. Returning means persona-service holds them all (applied now
   * or before); any exception means it may hold none, some or all, and the caller resends.
   */
  void deliver(String tenantId, List<FeedEntry> entries);
}
