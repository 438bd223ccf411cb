package io.cxhub.metrics.rollup;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping of the applications, run at start-up and periodically:
 * <ul>
 *   <li>completes applications left open for longer than {@code staleApplyingAfter} (their
 *       caller crashed or gave up, and the producer may never resend);
 *   <li>releases the evidence of applications applied more than {@code evidenceGrace} ago —
 *       long after any completion that could still have read them as open has given up — and
 *       deletes them, so cubes' evidence lists stay short.
 * </ul>
 */
public final class RollupSweeper {

  private static final Logger log = LoggerFactory.getLogger(RollupSweeper.class);

  private final Map<String, ExactlyOnceAggregator<?>> bySource = new LinkedHashMap<>();
  private final Applications applications;
  private final Cubes cubes;
  private final Clock clock;
  private final IngestSettings settings;

  public RollupSweeper(
      List<ExactlyOnceAggregator<?>> aggregators, Applications applications, Cubes cubes, Clock clock,
      IngestSettings settings) {
    aggregators.forEach(a -> bySource.put(a.source(), a));
    this.applications = applications;
    this.cubes = cubes;
    this.clock = clock;
    this.settings = settings;
  }

  /** @return how many applications it completed or released */
  public int sweep() {
    Instant now = clock.instant();
    int done = 0;
    for (Application a : applications.oldest(settings.sweepBatch())) {
      if (!a.isApplied() && a.createdAt().isBefore(now.minus(settings.staleApplyingAfter()))) {
        var aggregator = bySource.get(a.source());
        if (aggregator == null) {
          log.warn("application {} of tenant {} has unknown source {}; left open", a.id(), a.tenantId(), a.source());
          continue;
        }
        aggregator.complete(a, clock.instant());
        log.info("completed abandoned application tenant={} source={} items={}", a.tenantId(), a.source(),
            a.itemIds().size());
        done++;
      } else if (a.isApplied() && a.appliedAt().isBefore(now.minus(settings.evidenceGrace()))) {
        cubes.release(a.tenantId(), a.id(), a.cubes());
        applications.delete(a.tenantId(), a.id());
        done++;
      }
    }
    return done;
  }
}
