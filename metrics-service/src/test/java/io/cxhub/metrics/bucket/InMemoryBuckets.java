package io.cxhub.metrics.bucket;

import io.cxhub.metrics.nps.NetPromoterScore;
import io.cxhub.metrics.nps.NpsCounts;
import io.cxhub.metrics.score.Distribution;
import io.cxhub.metrics.score.ScoreBuckets;
import io.cxhub.metrics.score.ScoreKind;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Buckets in memory with the same evidence rule as the Mongo adapter, for unit tests. */
public final class InMemoryBuckets implements Buckets, NpsCounts, ScoreBuckets {

  /** One bucket's state. */
  public static final class Bucket {
    public final BucketKey key;
    public final String kind;
    public final int scaleMin;
    public final int scaleMax;
    public long count;
    public long sum;
    public long sumSq;
    public long promoters;
    public long passives;
    public long detractors;
    public final Map<Integer, Long> hist = new HashMap<>();
    public final Set<String> pending = new LinkedHashSet<>();

    Bucket(BucketKey key, String kind, int scaleMin, int scaleMax) {
      this.key = key;
      this.kind = kind;
      this.scaleMin = scaleMin;
      this.scaleMax = scaleMax;
    }
  }

  private final Map<String, Bucket> buckets = new HashMap<>();

  @Override
  public synchronized void applyOnce(String tenantId, List<BucketIncrement> increments) {
    for (BucketIncrement inc : increments) {
      Bucket b = buckets.computeIfAbsent(inc.key().id(), id -> new Bucket(inc.key(), inc.kind(), inc.scaleMin(), inc.scaleMax()));
      if (!b.pending.add(inc.responseId())) {
        continue;
      }
      b.count++;
      b.sum += inc.score();
      b.sumSq += inc.sumSquares();
      b.hist.merge(inc.score(), 1L, Long::sum);
      b.promoters += inc.promoters();
      b.passives += inc.passives();
      b.detractors += inc.detractors();
    }
  }

  @Override
  public synchronized void releaseEvidence(String tenantId, Map<String, ? extends Collection<String>> responseIdsByBucket) {
    responseIdsByBucket.forEach((id, ids) -> {
      Bucket b = buckets.get(id);
      if (b != null) {
        b.pending.removeAll(ids);
      }
    });
  }

  @Override
  public synchronized List<DayCounts> npsBuckets(String tenantId, String surveyId) {
    return buckets.values().stream()
        .filter(b -> b.key.tenantId().equals(tenantId) && b.key.surveyId().equals(surveyId) && b.kind.equals("NPS"))
        .map(b -> new DayCounts(b.key.questionId(), b.key.day(), new NetPromoterScore(b.promoters, b.passives, b.detractors)))
        .toList();
  }

  @Override
  public synchronized List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, Set<String> surveyIds) {
    return buckets.values().stream()
        .filter(b -> b.key.tenantId().equals(tenantId) && b.kind.equals(kind.name())
            && (surveyIds.isEmpty() || surveyIds.contains(b.key.surveyId())))
        .map(b -> new ScoreBucket(b.key.surveyId(), b.key.questionId(), b.key.day(), b.key.channel(), b.key.stage(),
            b.key.touchpoint(), b.key.segment(),
            new Distribution(b.scaleMin, b.scaleMax, b.count, b.sum, b.sumSq, new TreeMap<>(b.hist))))
        .toList();
  }

  @Override
  public synchronized List<BucketTotals> snapshot(String tenantId) {
    return buckets.values().stream()
        .filter(b -> b.key.tenantId().equals(tenantId))
        .map(InMemoryBuckets::totals)
        .toList();
  }

  private static BucketTotals totals(Bucket b) {
    return new BucketTotals(b.key, b.kind, b.scaleMin, b.scaleMax, b.count, b.sum, b.sumSq, new TreeMap<>(b.hist));
  }

  @Override
  public synchronized boolean replaceIfUnchanged(String tenantId, BucketTotals observed, BucketTotals recounted) {
    Bucket b = buckets.get(recounted.id());
    if (observed == null ? b != null : b == null || !totals(b).sameCounters(observed)) {
      return false;
    }
    if (b == null) {
      b = new Bucket(recounted.key(), recounted.kind(), recounted.scaleMin(), recounted.scaleMax());
      buckets.put(recounted.id(), b);
    }
    b.count = recounted.count();
    b.sum = recounted.sum();
    b.sumSq = recounted.sumSq();
    b.hist.clear();
    b.hist.putAll(recounted.hist());
    b.promoters = recounted.hist().subMap(9, 11).values().stream().mapToLong(Long::longValue).sum();
    b.passives = recounted.hist().subMap(7, 9).values().stream().mapToLong(Long::longValue).sum();
    b.detractors = recounted.hist().subMap(0, 7).values().stream().mapToLong(Long::longValue).sum();
    return true;
  }

  /** Corrupts a bucket's counters, as a lost or doubled write would. */
  public synchronized void tamper(BucketKey key, long extraCount, int score) {
    Bucket b = buckets.get(key.id());
    b.count += extraCount;
    b.sum += extraCount * score;
    b.sumSq += extraCount * score * score;
    b.hist.merge(score, extraCount, Long::sum);
  }

  public synchronized Bucket bucket(BucketKey key) {
    return buckets.get(key.id());
  }

  public synchronized long totalCount() {
    return buckets.values().stream().mapToLong(b -> b.count).sum();
  }
}
