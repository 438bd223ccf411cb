package io.cxhub.metrics.rollup;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counters and histograms, as added to a cell or as held by one. Values are whole numbers
 * (counts, sums of scores, sums of seconds) so that adding them in any order gives the same
 * total.
 *
 * @param counters counter name → value, e.g. {@code n}, {@code sum}, {@code sumSq}
 * @param histograms histogram name → bin → count; what a bin means is the histogram's
 *     owner's business (a score value, or an HdrHistogram bucket index)
 */
public record Tally(SortedMap<String, Long> counters, SortedMap<String, SortedMap<Integer, Long>> histograms) {

  public static final Tally EMPTY = new Tally(new TreeMap<>(), new TreeMap<>());

  public Tally {
    var c = new TreeMap<String, Long>();
    counters.forEach((name, value) -> {
      if (value != 0) {
        c.put(name, value);
      }
    });
    var h = new TreeMap<String, SortedMap<Integer, Long>>();
    histograms.forEach((name, bins) -> {
      var copy = new TreeMap<Integer, Long>();
      bins.forEach((bin, n) -> {
        if (n != 0) {
          copy.put(bin, n);
        }
      });
      if (!copy.isEmpty()) {
        h.put(name, Collections.unmodifiableSortedMap(copy));
      }
    });
    counters = Collections.unmodifiableSortedMap(c);
    histograms = Collections.unmodifiableSortedMap(h);
  }

  public static Builder builder() {
    return new Builder();
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public SortedMap<Integer, Long> histogram(String name) {
    return histograms.getOrDefault(name, Collections.emptySortedMap());
  }

  public Tally plus(Tally other) {
    var c = new TreeMap<>(counters);
    other.counters.forEach((name, value) -> c.merge(name, value, Long::sum));
    var h = new TreeMap<String, SortedMap<Integer, Long>>();
    histograms.forEach((name, bins) -> h.put(name, new TreeMap<>(bins)));
    other.histograms.forEach((name, bins) -> {
      var into = h.computeIfAbsent(name, k -> new TreeMap<>());
      bins.forEach((bin, n) -> into.merge(bin, n, Long::sum));
    });
    return new Tally(c, h);
  }

  /** Collects counters and histogram counts; adding to a name twice adds up. */
  public static final class Builder {
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private final TreeMap<String, SortedMap<Integer, Long>> histograms = new TreeMap<>();

    public Builder add(String counter, long value) {
      counters.merge(counter, value, Long::sum);
      return this;
    }

    public Builder addToHistogram(String histogram, int bin, long count) {
      histograms.computeIfAbsent(histogram, k -> new TreeMap<>()).merge(bin, count, Long::sum);
      return this;
    }

    public Tally build() {
      return new Tally(counters, histograms);
    }
  }
}
