package io.cxhub.survey.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of survey-service under {@code cx.survey}.
 */
@ConfigurationProperties("cx.survey")
public record SurveyProperties(
    @DefaultValue Relay relay,
    @DefaultValue Journey journey,
    @DefaultValue RateLimits rateLimits) {

  /**
   * Limits on public submissions (fixed windows, counted in MongoDB so they hold across
   * replicas); 0 disables one.
   *
   * @param perToken submissions per distribution token per window
   * @param perAddress submissions per client address per window
   * @param window length of a window
   */
  public record RateLimits(
      @DefaultValue("120") int perToken,
      @DefaultValue("30") int perAddress,
      @DefaultValue("1m") Duration window) {}

  /**
   * Calls to journey-service (checking a survey's journey link).
   *
   * @param deadline deadline of one GetJourney call
   */
  public record Journey(@DefaultValue("2s") Duration deadline) {}

  /**
   * The outbox relay to metrics-service.
   *
   * @param enabled whether the relay runs in this instance
   * @param pollInterval time between ticks
   * @param idleRecheck how often a tick looks at every tenant's outbox unprompted
   * @param batchSize responses per call, at most 500
   * @param deadline deadline of one RecordResponses attempt
   * @param initialBackoff pause after the first failure to reach metrics-service
   * @param maxBackoff longest pause
   * @param lagRefresh how long an outbox-lag measurement is reused by the gauges
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("10s") Duration idleRecheck,
      @DefaultValue("500") int batchSize,
      @DefaultValue("5s") Duration deadline,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("10s") Duration lagRefresh) {}
}
