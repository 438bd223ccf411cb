package io.cxhub.persona.persona.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of persona-service (prefix {@code cx.persona}).
 *
 * @param valueRefresh the recomputation of value tiers after customers change
 * @param segmentSnapshot the periodic re-evaluation of every tenant's segments (time-dependent
 *     attributes such as recency and age) that records the day's sizes
 */
@ConfigurationProperties("cx.persona")
public record PersonaProperties(@DefaultValue ValueRefresh valueRefresh, @DefaultValue SegmentSnapshot segmentSnapshot,
    @DefaultValue Metrics metrics, @DefaultValue DataSubject dataSubject) {

  /**
   * Data-subject requests (docs/data-subject-requests.md).
   *
   * @param period how often the worker looks for due parts (it is also nudged on each creation)
   * @param deadline of one call to a service's part
   * @param firstRetry delay after a part's first failure, doubled after each further one
   * @param maxRetry the longest delay between two attempts of a part
   * @param stallAfter how long a request may run before it is STALLED (and still retried)
   * @param exportRetention how long an export's document is kept
   * @param enabled false leaves requests pending (tests of the parts)
   */
  public record DataSubject(@DefaultValue("5s") Duration period, @DefaultValue("10s") Duration deadline,
      @DefaultValue("1s") Duration firstRetry, @DefaultValue("10m") Duration maxRetry,
      @DefaultValue("7d") Duration stallAfter, @DefaultValue("7d") Duration exportRetention,
      @DefaultValue("true") boolean enabled) {}

  /**
   * @param deadline of a score read for a card (then answered without scores)
   * @param experienceDeadline of the streamed read of every customer's experience
   */
  public record Metrics(@DefaultValue("1500ms") Duration deadline, @DefaultValue("30s") Duration experienceDeadline) {}

  /**
   * @param period how often every tenant's segments are re-evaluated and their sizes recorded
   * @param enabled false leaves it to changes and explicit requests (tests)
   */
  public record SegmentSnapshot(@DefaultValue("PT6H") Duration period, @DefaultValue("true") boolean enabled) {}

  /**
   * @param period how often tenants with changed customers are revalued
   * @param enabled false leaves revaluation to explicit requests (tests)
   */
  public record ValueRefresh(@DefaultValue("PT30S") Duration period, @DefaultValue("true") boolean enabled) {}
}
