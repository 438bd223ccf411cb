package io.cxhub.metrics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of orders and contacts to persona-service (prefix {@code cx.metrics.customer-feed}).
 *
 * @param period time between two relay runs
 * @param enabled false leaves the outbox filling without relaying it (tests run it by hand)
 */
@ConfigurationProperties("cx.metrics.customer-feed")
public record CustomerFeedProperties(@DefaultValue("PT1S") Duration period, @DefaultValue("true") boolean enabled) {}
