package io.cxhub.metrics.bucket;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Write port of the pre-aggregated buckets. Each bucket keeps, next to its counters, the ids
 * of the responses recently added to it ("pending" evidence); an increment whose response id
 * is there is skipped. Increment and evidence change in the same single-document update, so
 * retrying any increment any number of times adds it once, without transactions.
 */
public interface Buckets {

  /**
   * Applies each increment to its bucket unless the bucket already holds the increment's
   * response id as evidence; creates missing buckets. Safe to repeat and to run concurrently
   * with itself for the same responses.
   */
  void applyOnce(String tenantId, List<BucketIncrement> increments);

  /**
   * Removes response ids from buckets' evidence, once the responses can no longer be applied
   * again (see LedgerSweeper for when that is).
   *
   * @param responseIdsByBucket bucket id → response ids to forget
   */
  void releaseEvidence(String tenantId, Map<String, ? extends Collection<String>> responseIdsByBucket);

  /** Every bucket of the tenant with its counters (for the recount job; scans the tenant's buckets). */
  List<BucketTotals> snapshot(String tenantId);

  /**
   * Sets a bucket's counters to {@code recounted} only if they still equal {@code observed}
   * (a compare-and-set: any increment since the snapshot makes it a no-op); with
   * {@code observed} null, creates the bucket only if it still does not exist. The evidence
   * list is left alone.
   *
   * @return whether the bucket was changed
   */
  boolean replaceIfUnchanged(String tenantId, BucketTotals observed, BucketTotals recounted);
}
