package io.cxhub.journey.insight;

import java.util.Arrays;

/**
 * The answers of one indicator on one scale: how many gave each score, and how many
 * were favourable (promoters, top-2-box, easy) and unfavourable (detractors, the rest) by
 * metrics-service's definition. Tallies of the same scale add up exactly, so a stage is
 * the sum of its cells.
 */
public record Tally(int scaleMin, int scaleMax, long[] counts, long favourable, long unfavourable) {

  public Tally {
    if (scaleMax < scaleMin || counts.length != scaleMax - scaleMin + 1) {
      throw new IllegalArgumentException("counts must have one entry per point of " + scaleMin + ".." + scaleMax);
    }
    counts = counts.clone();
  }

  public static Tally empty(int scaleMin, int scaleMax) {
    return new Tally(scaleMin, scaleMax, new long[scaleMax - scaleMin + 1], 0, 0);
  }

  /** An NPS tally from its answers (0-10). */
  public static Tally nps(int... scores) {
    long[] counts = new long[11];
    long promoters = 0;
    long detractors = 0;
    for (int s : scores) {
      counts[s]++;
      promoters += s >= 9 ? 1 : 0;
      detractors += s <= 6 ? 1 : 0;
    }
    return new Tally(0, 10, counts, promoters, detractors);
  }

  public long n() {
    return Arrays.stream(counts).sum();
  }

  public long count(int score) {
    return score < scaleMin || score > scaleMax ? 0 : counts[score - scaleMin];
  }

  public boolean sameScale(Tally other) {
    return scaleMin == other.scaleMin && scaleMax == other.scaleMax;
  }

  public Tally plus(Tally other) {
    if (!sameScale(other)) {
      throw new IllegalArgumentException("different scales");
    }
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.counts[i];
    }
    return new Tally(scaleMin, scaleMax, sum, favourable + other.favourable, unfavourable + other.unfavourable);
  }

  public double mean() {
    long n = n();
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      sum += (double) (scaleMin + i) * counts[i];
    }
    return sum / n;
  }

  /** Unbiased sample variance of the answers; 0 below 2 answers. */
  public double variance() {
    long n = n();
    if (n < 2) {
      return 0;
    }
    double mean = mean();
    double ss = 0;
    for (int i = 0; i < counts.length; i++) {
      double d = scaleMin + i - mean;
      ss += d * d * counts[i];
    }
    return ss / (n - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tally t && sameScale(t) && Arrays.equals(counts, t.counts)
        && favourable == t.favourable && unfavourable == t.unfavourable;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(counts) + scaleMin * 7 + scaleMax;
  }

  @Override
  public String toString() {
    return "Tally[" + scaleMin + ".." + scaleMax + " " + Arrays.toString(counts) + "]";
  }
}
