package io.cxhub.persona.customer;

import java.util.Collection;
import java.util.Set;

/**
 * Tombstones of erased customers (data-subject erasure): they keep events relayed after an
 * erasure from recreating the customer. A tombstone holds a hash of the id, never the id.
 */
public interface Erasures {

  /** Records that the customer was erased. Idempotent. */
  void record(String tenantId, String customerId, java.time.Instant at);

  /** The ids among these that were erased (and not stated again since). */
  Set<String> erased(String tenantId, Collection<String> customerIds);

  /** Forgets the tombstones of these ids: they are stated again, deliberately. */
  void clear(String tenantId, Collection<String> customerIds);
}
