package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.Buckets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds APPLYING entries to their buckets and marks them APPLIED (steps 2 and 3 of the
 * protocol described on {@link RecordResponses}). Shared by the RPC and the sweeper.
 */
final class ResponseApplier {

  private final Buckets buckets;
  private final RecordedResponses ledger;
  private final Clock clock;
  private final IngestSettings settings;

  ResponseApplier(Buckets buckets, RecordedResponses ledger, Clock clock, IngestSettings settings) {
    this.buckets = buckets;
    this.ledger = ledger;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * @param startedAt when the caller started, before it read the entries' state
   * @throws DependencyUnavailableException if the caller has been running so long that its
   *     view of the entries may be stale (nothing is changed then; retry)
   */
  void apply(String tenantId, List<LedgerEntry> applying, Instant startedAt) {
    if (applying.isEmpty()) {
      return;
    }
    if (clock.instant().isAfter(startedAt.plus(settings.maxApplyDuration()))) {
      throw new DependencyUnavailableException(
          "recording took longer than " + settings.maxApplyDuration() + "; send the batch again", null);
    }
    var increments = new ArrayList<BucketIncrement>();
    var ids = new ArrayList<String>(applying.size());
    for (LedgerEntry entry : applying) {
      increments.addAll(Contributions.of(tenantId, entry.response()));
      ids.add(entry.response().responseId());
    }
    buckets.applyOnce(tenantId, increments);
    ledger.markApplied(tenantId, ids, clock.instant());
  }
}
