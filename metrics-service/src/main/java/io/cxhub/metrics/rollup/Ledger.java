package io.cxhub.metrics.rollup;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Storage port of the items of one source (responses, events), keyed by tenant and item id.
 * Every method is scoped to one tenant.
 */
public interface Ledger<T extends LedgerItem> {

  /**
   * Stores each item, claimed by {@code applicationId}, unless an entry with its id exists
   * already: that entry is kept unchanged (the first copy, and its claim, win).
   */
  void insertIfAbsent(String tenantId, Collection<T> items, String applicationId, Instant receivedAt);

  /** The entries of these ids that exist, by item id. */
  Map<String, LedgerEntry<T>> find(String tenantId, Collection<String> itemIds);

  /** Marks entries applied. Only called once all their increments are in the cubes. */
  void markApplied(String tenantId, Collection<String> itemIds, Instant appliedAt);

  /** Calls {@code action} with every entry of the tenant (a full scan, for the recount). */
  void forEachEntry(String tenantId, Consumer<LedgerEntry<T>> action);
}
