package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.text.TextAnalytics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Drains the comment queue: analyses each comment with its tenant's taxonomy, stores the
 * analysis (the verbatim) and adds it to the text cubes, then removes it from the queue. A
 * comment is counted in the cubes only when its analysis is first stored, so a crash before
 * the queue is cleaned up never counts it twice.
 */
public final class AnalyseComments implements Runnable {

  static final int BATCH = 200;

  private final CommentQueue queue;
  private final TextAnalytics analytics;
  private final TextAnalyses analyses;
  private final TextCubes cubes;
  private final Segments segments;
  private final java.util.function.Predicate<String> paused;

  public AnalyseComments(CommentQueue queue, TextAnalytics analytics, TextAnalyses analyses, TextCubes cubes,
      Segments segments, java.util.function.Predicate<String> paused) {
    this.paused = paused;
    this.queue = queue;
    this.analytics = analytics;
    this.analyses = analyses;
    this.cubes = cubes;
    this.segments = segments;
  }

  @Override
  public void run() {
    while (drainOnce() == BATCH) {
      // keep going while the queue is full
    }
  }

  /** Analyses one batch; returns how many comments it took. */
  public int drainOnce() {
    List<Comment> taken = queue.next(BATCH);
    if (taken.isEmpty()) {
      return 0;
    }
    // a tenant whose history is being re-analysed waits in the queue
    List<Comment> batch = taken.stream().filter(c -> !paused.test(c.tenantId())).toList();
    Map<String, Map<String, Profile>> profiles = profiles(batch);
    for (Comment c : batch) {
      var analysis = analytics.analyzeLenient(c.tenantId(), c.text());
      Profile p = c.customerId().isEmpty() ? Profile.NONE
          : profiles.getOrDefault(c.tenantId(), Map.of()).getOrDefault(c.customerId(), Profile.UNASSIGNED);
      var analysed = new AnalysedComment(c, analysis, p.segment(), p.persona(), p.valueTier(),
          analytics.taxonomy(c.tenantId()).version());
      if (analyses.insertIfAbsent(analysed)) {
        cubes.add(analysed, 1);
      }
    }
    queue.done(batch);
    return batch.isEmpty() ? 0 : taken.size();
  }

  private Map<String, Map<String, Profile>> profiles(List<Comment> batch) {
    Map<String, java.util.Set<String>> byTenant = new HashMap<>();
    for (Comment c : batch) {
      if (!c.customerId().isEmpty()) {
        byTenant.computeIfAbsent(c.tenantId(), t -> new HashSet<>()).add(c.customerId());
      }
    }
    Map<String, Map<String, Profile>> out = new HashMap<>();
    byTenant.forEach((tenant, customers) -> out.put(tenant, segments.resolve(tenant, customers)));
    return out;
  }

}
