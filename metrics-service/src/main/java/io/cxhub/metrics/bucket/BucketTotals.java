package io.cxhub.metrics.bucket;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The counters of one bucket, as stored or as recounted from the ledger. */
public record BucketTotals(
    BucketKey key, String kind, int scaleMin, int scaleMax, long count, long sum, long sumSq,
    SortedMap<Integer, Long> hist) {

  public BucketTotals {
    hist = Collections.unmodifiableSortedMap(new TreeMap<>(hist));
  }

  public static BucketTotals empty(BucketIncrement inc) {
    return new BucketTotals(inc.key(), inc.kind(), inc.scaleMin(), inc.scaleMax(), 0, 0, 0, new TreeMap<>());
  }

  public BucketTotals plus(BucketIncrement inc) {
    var h = new TreeMap<>(hist);
    h.merge(inc.score(), 1L, Long::sum);
    return new BucketTotals(key, kind, scaleMin, scaleMax, count + 1, sum + inc.score(), sumSq + inc.sumSquares(), h);
  }

  /** Same counters (the key, kind and scale are not compared). */
  public boolean sameCounters(BucketTotals other) {
    return count == other.count && sum == other.sum && sumSq == other.sumSq && hist.equals(other.hist);
  }

  /** An emptied copy, for a stored bucket that no recorded response explains. */
  public BucketTotals emptied() {
    return new BucketTotals(key, kind, scaleMin, scaleMax, 0, 0, 0, new TreeMap<>());
  }

  public String id() {
    return key.id();
  }
}
