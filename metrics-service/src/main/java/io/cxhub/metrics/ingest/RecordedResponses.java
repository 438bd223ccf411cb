package io.cxhub.metrics.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Storage port of the ledger of recorded responses: which response ids this service has
 * seen, and how far each got. Keyed by (tenant, response id). Every method is scoped to one
 * tenant.
 */
public interface RecordedResponses {

  /** Remembers that the tenant has responses here, for the sweeper. Idempotent. */
  void registerTenant(String tenantId);

  /** Every tenant that has recorded responses. */
  Set<String> knownTenants();

  /**
   * Stores each response as APPLYING unless an entry with its id exists already, in which
   * case that entry is kept unchanged (the first copy wins).
   */
  void insertIfAbsent(String tenantId, Collection<RecordedResponse> responses, Instant receivedAt);

  /** The entries of these ids that exist, by response id. */
  Map<String, LedgerEntry> find(String tenantId, Collection<String> responseIds);

  /** Marks entries APPLIED. Only called once all their increments are in the buckets. */
  void markApplied(String tenantId, Collection<String> responseIds, Instant appliedAt);

  /** Marks APPLIED entries SETTLED once their evidence is released. */
  void markSettled(String tenantId, Collection<String> responseIds, Instant settledAt);

  /** Entries still APPLYING or APPLIED (not SETTLED), oldest first, at most {@code limit}. */
  List<LedgerEntry> findUnsettled(String tenantId, int limit);

  /** Calls {@code action} with every entry of the tenant (a full scan, for the recount job). */
  void forEachEntry(String tenantId, Consumer<LedgerEntry> action);
}
