package io.cxhub.metrics.event;

import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.InMemoryApplications;
import io.cxhub.metrics.rollup.InMemoryCubes;
import io.cxhub.metrics.rollup.InMemoryLedger;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.TenantZones;
import java.time.Clock;
import java.time.Duration;

/** The event aggregator as wired in production, over the rollup's in-memory storage. */
final class MemoryRollup {

  final InMemoryCubes cubes = new InMemoryCubes();
  final InMemoryLedger<BusinessEvent> ledger = new InMemoryLedger<>();
  final InMemoryApplications applications = new InMemoryApplications();
  final ExactlyOnceAggregator<BusinessEvent> aggregator;
  private final Clock clock;

  MemoryRollup(Clock clock) {
    this.clock = clock;
    aggregator = over(cubes);
  }

  /** An aggregator over the same ledger and applications writing through other cubes (e.g. crashing ones). */
  ExactlyOnceAggregator<BusinessEvent> over(Cubes through) {
    return new ExactlyOnceAggregator<>("events", ledger, applications, through, new EventContributor(),
        TenantZones.UTC, clock,
        new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 100));
  }
}
