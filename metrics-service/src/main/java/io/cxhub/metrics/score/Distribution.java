package io.cxhub.metrics.score;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Answers of one scale, summed: count, sum, sum of squares and the per-value histogram —
 * exactly what a bucket holds, so a slice is a sum of buckets.
 */
public record Distribution(int scaleMin, int scaleMax, long count, long sum, long sumSq, SortedMap<Integer, Long> histogram) {

  public Distribution {
    histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
  }

  public static Distribution empty(int scaleMin, int scaleMax) {
    return new Distribution(scaleMin, scaleMax, 0, 0, 0, new TreeMap<>());
  }

  /** The distribution of a list of scores, for tests and hand-worked examples. */
  public static Distribution ofScores(int scaleMin, int scaleMax, int... scores) {
    var hist = new TreeMap<Integer, Long>();
    long sum = 0;
    long sumSq = 0;
    for (int s : scores) {
      hist.merge(s, 1L, Long::sum);
      sum += s;
      sumSq += (long) s * s;
    }
    return new Distribution(scaleMin, scaleMax, scores.length, sum, sumSq, hist);
  }

  public Distribution plus(Distribution other) {
    if (other.scaleMin != scaleMin || other.scaleMax != scaleMax) {
      throw new IllegalArgumentException("answers on different scales are never pooled");
    }
    var hist = new TreeMap<Integer, Long>(histogram);
    other.histogram.forEach((k, v) -> hist.merge(k, v, Long::sum));
    return new Distribution(scaleMin, scaleMax, count + other.count, sum + other.sum, sumSq + other.sumSq, hist);
  }

  /** Answers with a score in {@code [from, to]}. */
  public long countBetween(int from, int to) {
    long n = 0;
    for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
      if (e.getKey() >= from && e.getKey() <= to) {
        n += e.getValue();
      }
    }
    return n;
  }

  public String scaleLabel() {
    return scaleMin + "-" + scaleMax;
  }
}
