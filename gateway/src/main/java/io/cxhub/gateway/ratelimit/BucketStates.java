package io.cxhub.gateway.ratelimit;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the token buckets' states live, shared by every gateway replica: one record per
 * limited key, changed only by compare-and-set on its version. Implementations may block:
 * call them off the event loop.
 */
public interface BucketStates {

  /**
   * A stored state.
   *
   * @param state Bucket4j's serialized bucket
   * @param version incremented by every write; the compare-and-set token
   */
  record Versioned(byte[] state, long version) {}

  Optional<Versioned> read(String key);

  /** Stores the first state of a key. @return false if another writer stored one first */
  boolean insert(String key, byte[] state, Instant expiresAt);

  /** Replaces the state if it is still at {@code version}. @return false if another writer changed it */
  boolean replace(String key, long version, byte[] state, Instant expiresAt);

  /** Forgets the states that expired before {@code now}. @return how many */
  long deleteExpired(Instant now);
}
