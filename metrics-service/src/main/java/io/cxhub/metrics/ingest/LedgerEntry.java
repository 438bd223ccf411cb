package io.cxhub.metrics.ingest;

import java.time.Instant;

/**
 * A recorded response with its progress.
 *
 * @param appliedAt null while APPLYING
 */
public record LedgerEntry(RecordedResponse response, LedgerState state, Instant receivedAt, Instant appliedAt) {}
