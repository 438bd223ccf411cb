package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.text.TextAnalytics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-analyses a tenant's history after a taxonomy change, as a long-running operation with
 * progress and a result: the tenant's text cubes are cleared, then every stored comment is
 * analysed again with the new taxonomy, its verbatim replaced and counted anew. While it
 * runs, the queue worker leaves that tenant's new comments in the queue ({@link #isRunning}),
 * so nothing is counted twice. One operation per tenant at a time, in this process.
 */
public final class Reanalysis {

  static final int PAGE = 500;

  public enum State { RUNNING, SUCCEEDED, FAILED }

  /** An operation: progress while it runs, the result when done. */
  public record Operation(String id, String tenantId, State state, long total, long done, long changed,
      Instant started, Instant finished, String error) {}

  private final TextAnalyses analyses;
  private final TextCubes cubes;
  private final TextAnalytics analytics;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    var t = new Thread(r, "text-reanalysis");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  public Reanalysis(TextAnalyses analyses, TextCubes cubes, TextAnalytics analytics, Clock clock) {
    this.analyses = analyses;
    this.cubes = cubes;
    this.analytics = analytics;
    this.clock = clock;
  }

  public boolean isRunning(String tenantId) {
    return running.contains(tenantId);
  }

  /** Starts re-analysing the tenant's comments; returns the operation at once. */
  public Operation start(String tenantId) {
    String id = "reanalysis-" + UUID.randomUUID();
    running.add(tenantId);
    var op = new Operation(id, tenantId, State.RUNNING, analyses.count(tenantId), 0, 0, clock.instant(), null, "");
    operations.put(id, op);
    executor.submit(() -> run(op));
    return op;
  }

  /** The tenant's operation, if any: another tenant's id reveals nothing. */
  public Optional<Operation> get(String tenantId, String id) {
    var op = operations.get(id);
    return op == null || !op.tenantId().equals(tenantId) ? Optional.empty() : Optional.of(op);
  }

  /** Runs an operation in the caller's thread (tests, tools). */
  public Operation runNow(String tenantId) {
    running.add(tenantId);
    var op = new Operation("reanalysis-" + UUID.randomUUID(), tenantId, State.RUNNING, analyses.count(tenantId), 0, 0,
        clock.instant(), null, "");
    operations.put(op.id(), op);
    run(op);
    return operations.get(op.id());
  }

  private void run(Operation op) {
    String tenant = op.tenantId();
    var done = new AtomicLong();
    var changed = new AtomicLong();
    try {
      cubes.clear(tenant);
      var taxonomy = analytics.taxonomy(tenant);
      String after = null;
      while (true) {
        var page = analyses.comments(tenant, after, PAGE);
        if (page.isEmpty()) {
          break;
        }
        for (Comment c : page) {
          var analysis = analytics.analyzeLenient(tenant, c.text());
          var previous = analyses.get(c.id());
          String segment = previous.map(AnalysedComment::segmentId).orElse("");
          String persona = previous.map(AnalysedComment::personaId).orElse("");
          String valueTier = previous.map(AnalysedComment::valueTier).orElse("");
          if (previous.isPresent() && !previous.get().analysis().themes().equals(analysis.themes())) {
            changed.incrementAndGet();
          }
          var analysed = new AnalysedComment(c, analysis, segment, persona, valueTier, taxonomy.version());
          analyses.replace(analysed);
          cubes.add(analysed, 1);
          done.incrementAndGet();
          after = c.id();
        }
        operations.put(op.id(), new Operation(op.id(), tenant, State.RUNNING, op.total(), done.get(), changed.get(),
            op.started(), null, ""));
      }
      operations.put(op.id(), new Operation(op.id(), tenant, State.SUCCEEDED, op.total(), done.get(), changed.get(),
          op.started(), clock.instant(), ""));
    } catch (RuntimeException e) {
      operations.put(op.id(), new Operation(op.id(), tenant, State.FAILED, op.total(), done.get(), changed.get(),
          op.started(), clock.instant(), e.getClass().getSimpleName()));
    } finally {
      running.remove(tenant);
    }
  }
}
