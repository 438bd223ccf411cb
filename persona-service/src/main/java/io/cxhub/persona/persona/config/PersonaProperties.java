package io.cxhub.persona.persona.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of persona-service (prefix {@code cx.persona}).
 *
 * @param valueRefresh the recomputation of value tiers after customers change
 */
@ConfigurationProperties("cx.persona")
public record PersonaProperties(@DefaultValue ValueRefresh valueRefresh) {

  /**
   * @param period how often tenants with changed customers are revalued
   * @param enabled false leaves revaluation to explicit requests (tests)
   */
  public record ValueRefresh(@DefaultValue("PT30S") Duration period, @DefaultValue("true") boolean enabled) {}
}
