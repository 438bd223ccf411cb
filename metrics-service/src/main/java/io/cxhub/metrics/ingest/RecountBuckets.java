package io.cxhub.metrics.ingest;

import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.BucketTotals;
import io.cxhub.metrics.bucket.Buckets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recount job: rebuilds every bucket of a tenant from the raw responses in the ledger
 * and reports each bucket whose stored counters differ; on request, repairs them.
 *
 * <p>Safe while ingestion runs: the buckets are read first, then the ledger. A bucket that
 * an APPLYING response (one whose application may be half done) contributes to is skipped
 * and reported as in flight. A repair is a compare-and-set against the counters read at
 * the start, so an increment that lands during the recount makes the repair a no-op
 * (reported as {@code CHANGED_DURING_RECOUNT}; run it again). Bucket counts only ever grow
 * by increments, so an unchanged count means no increment happened in between.
 */
public final class RecountBuckets {

  private final RecordedResponses ledger;
  private final Buckets buckets;

  public RecountBuckets(RecordedResponses ledger, Buckets buckets) {
    this.ledger = ledger;
    this.buckets = buckets;
  }

  public RecountReport recount(String tenantId, boolean repair) {
    Map<String, BucketTotals> stored = new LinkedHashMap<>();
    buckets.snapshot(tenantId).forEach(b -> stored.put(b.id(), b));

    Map<String, BucketTotals> recounted = new LinkedHashMap<>();
    Set<String> inFlight = new HashSet<>();
    long[] responses = {0};
    ledger.forEachEntry(tenantId, entry -> {
      responses[0]++;
      for (BucketIncrement inc : Contributions.of(tenantId, entry.response())) {
        if (entry.state().isApplied()) {
          recounted.merge(inc.key().id(), BucketTotals.empty(inc).plus(inc), (a, b) -> a.plus(inc));
        } else {
          inFlight.add(inc.key().id());
        }
      }
    });

    var differences = new ArrayList<RecountReport.Difference>();
    int matching = 0;
    var ids = new HashSet<String>(stored.keySet());
    ids.addAll(recounted.keySet());
    for (String id : ids.stream().sorted().toList()) {
      if (inFlight.contains(id)) {
        continue;
      }
      BucketTotals have = stored.get(id);
      BucketTotals want = recounted.get(id);
      if (want == null) {
        want = have.emptied();
      }
      if (have != null && have.sameCounters(want)) {
        matching++;
        continue;
      }
      var outcome = RecountReport.Outcome.REPORTED;
      if (repair) {
        outcome = buckets.replaceIfUnchanged(tenantId, have, want)
            ? RecountReport.Outcome.REPAIRED
            : RecountReport.Outcome.CHANGED_DURING_RECOUNT;
      }
      differences.add(new RecountReport.Difference(want, have, outcome));
    }
    return new RecountReport(responses[0], ids.size(), matching, inFlight.size(), List.copyOf(differences));
  }

  /**
   * What a recount found.
   *
   * @param responses ledger entries read
   * @param bucketsChecked buckets stored or recounted
   * @param matching buckets whose stored counters equal the recount
   * @param inFlight buckets skipped because a response to them was still being applied
   */
  public record RecountReport(long responses, long bucketsChecked, long matching, long inFlight, List<Difference> differences) {

    /** What was done about a difference. */
    public enum Outcome { REPORTED, REPAIRED, CHANGED_DURING_RECOUNT }

    /**
     * @param recounted the counters the ledger explains
     * @param stored the counters found; null when the bucket was missing
     */
    public record Difference(BucketTotals recounted, BucketTotals stored, Outcome outcome) {}
  }

}
