package io.cxhub.metrics.alert;

import io.cxhub.metrics.score.Distribution;
import io.cxhub.metrics.score.ScoreBuckets;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The score use cases' input, held in a list: one bucket per call to {@link #add}. */
final class FakeScoreBuckets implements ScoreBuckets {

  private record Entry(String tenantId, ScoreKind kind, ScoreBucket bucket) {}

  private final List<Entry> entries = new ArrayList<>();

  /** NPS answers of one day, on survey {@code s1}, question {@code nps}, channel EMAIL. */
  FakeScoreBuckets nps(String tenantId, LocalDate day, String stage, int... scores) {
    return add(tenantId, ScoreKind.NPS, new ScoreBucket("s1", "nps", day, "EMAIL", stage, "", "", "", "",
        Distribution.ofScores(0, 10, scores)));
  }

  /** {@code promoters} 10s, {@code passives} 8s and {@code detractors} 0s on one day. */
  FakeScoreBuckets npsMix(String tenantId, LocalDate day, String stage, int promoters, int passives, int detractors) {
    int[] scores = new int[promoters + passives + detractors];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i < promoters ? 10 : i < promoters + passives ? 8 : 0;
    }
    return nps(tenantId, day, stage, scores);
  }

  FakeScoreBuckets add(String tenantId, ScoreKind kind, ScoreBucket bucket) {
    entries.add(new Entry(tenantId, kind, bucket));
    return this;
  }

  @Override
  public List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, ScoreFilter filter, boolean daily) {
    // day buckets only, which serve any read; the caller applies the filter
    return entries.stream()
        .filter(e -> e.tenantId().equals(tenantId) && e.kind() == kind)
        .map(Entry::bucket)
        .toList();
  }
}
