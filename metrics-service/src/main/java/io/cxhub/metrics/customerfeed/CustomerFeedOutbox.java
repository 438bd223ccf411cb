package io.cxhub.metrics.customerfeed;

import java.util.List;

/**
 * The outbox of customer events: one entry per (tenant, event id), kept until persona-service
 * confirmed it. Survives restarts (it is stored).
 */
public interface CustomerFeedOutbox {

  /** Adds the entries whose (tenant, event id) is not there yet; others are left unchanged. */
  void addIfAbsent(List<FeedEntry> entries);

  /** Up to {@code limit} entries not yet confirmed, oldest keys first. */
  List<FeedEntry> pending(int limit);

  /** Marks entries confirmed by persona-service. */
  void confirm(List<FeedEntry> entries);
}
