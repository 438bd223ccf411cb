package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.Buckets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping of the ledger, tenant by tenant, run at start-up and periodically:
 * <ul>
 *   <li>completes entries left APPLYING for longer than {@code staleApplyingAfter} (the
 *       caller crashed or gave up, and may never resend): steps 2 and 3 again, which skip
 *       what was already applied;
 *   <li>releases the evidence of entries APPLIED more than {@code evidenceGrace} ago — long
 *       after any application that could still have read them as APPLYING has given up — and
 *       marks them SETTLED, so buckets' evidence lists stay short.
 * </ul>
 */
public final class LedgerSweeper {

  private static final Logger log = LoggerFactory.getLogger(LedgerSweeper.class);

  private final RecordedResponses ledger;
  private final Buckets buckets;
  private final ResponseApplier applier;
  private final Clock clock;
  private final IngestSettings settings;

  public LedgerSweeper(RecordedResponses ledger, Buckets buckets, Clock clock, IngestSettings settings) {
    this.ledger = ledger;
    this.buckets = buckets;
    this.applier = new ResponseApplier(buckets, ledger, clock, settings);
    this.clock = clock;
    this.settings = settings;
  }

  public void sweep() {
    for (String tenant : ledger.knownTenants()) {
      sweep(tenant);
    }
  }

  private void sweep(String tenantId) {
    Instant now = clock.instant();
    List<LedgerEntry> unsettled = ledger.findUnsettled(tenantId, settings.sweepBatch());
    var stale = new ArrayList<LedgerEntry>();
    var releasable = new ArrayList<LedgerEntry>();
    for (LedgerEntry e : unsettled) {
      if (e.state() == LedgerState.APPLYING && e.receivedAt().isBefore(now.minus(settings.staleApplyingAfter()))) {
        stale.add(e);
      } else if (e.state() == LedgerState.APPLIED && e.appliedAt().isBefore(now.minus(settings.evidenceGrace()))) {
        releasable.add(e);
      }
    }
    if (!stale.isEmpty()) {
      applier.apply(tenantId, stale, now);
      log.info("completed abandoned applications tenant={} responses={}", tenantId, stale.size());
    }
    if (!releasable.isEmpty()) {
      Map<String, List<String>> evidence = new HashMap<>();
      for (LedgerEntry e : releasable) {
        for (BucketIncrement inc : Contributions.of(tenantId, e.response())) {
          evidence.computeIfAbsent(inc.key().id(), k -> new ArrayList<>()).add(inc.responseId());
        }
      }
      buckets.releaseEvidence(tenantId, evidence);
      ledger.markSettled(tenantId, releasable.stream().map(e -> e.response().responseId()).toList(), clock.instant());
      log.debug("released evidence tenant={} responses={}", tenantId, releasable.size());
    }
  }
}
