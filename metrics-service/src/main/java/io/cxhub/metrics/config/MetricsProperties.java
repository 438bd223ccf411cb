package io.cxhub.metrics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of metrics-service under {@code cx.metrics}. */
@ConfigurationProperties("cx.metrics")
public record MetricsProperties(@DefaultValue Ingest ingest, @DefaultValue Persona persona) {

  /**
   * Segment resolution through persona-service (see PersonaClient).
   *
   * @param deadline per call; a response waits at most this long for its segment
   * @param cacheTtl how long a resolved segment is reused
   * @param cacheSize most segments kept
   */
  public record Persona(
      @DefaultValue("300ms") Duration deadline,
      @DefaultValue("5m") Duration cacheTtl,
      @DefaultValue("100000") long cacheSize) {}


  /**
   * Exactly-once recording of responses and events (see ExactlyOnceAggregator and RollupSweeper).
   *
   * @param maxApplyDuration a recording running longer than this stops before touching buckets
   * @param evidenceGrace how long a finished application's id stays in its cubes' evidence
   * @param staleApplyingAfter when an unfinished recording is presumed abandoned
   * @param sweepInterval time between two sweeps (the first runs at start-up)
   * @param sweepBatch applications looked at per sweep
   */
  public record Ingest(
      @DefaultValue("30s") Duration maxApplyDuration,
      @DefaultValue("5m") Duration evidenceGrace,
      @DefaultValue("1m") Duration staleApplyingAfter,
      @DefaultValue("1m") Duration sweepInterval,
      @DefaultValue("1000") int sweepBatch) {}
}
