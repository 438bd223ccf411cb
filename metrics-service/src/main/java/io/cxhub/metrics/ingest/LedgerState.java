package io.cxhub.metrics.ingest;

/** Progress of a recorded response through the buckets. */
public enum LedgerState {
  /** Stored; its increments may or may not all be in the buckets yet. */
  APPLYING,
  /** Every increment is in its bucket; the buckets still hold its id as evidence. */
  APPLIED,
  /** Applied, and its id has been removed from the buckets' evidence. */
  SETTLED;

  public boolean isApplied() {
    return this != APPLYING;
  }
}
