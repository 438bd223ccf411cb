package io.cxhub.metrics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metric alerts under {@code cx.metrics.alerts}.
 *
 * @param enabled runs the periodic evaluator in this instance
 * @param pollInterval how often the evaluator looks for due rules
 * @param retryInterval how soon a rule whose alert survey-service could not take is evaluated
 *     again (at most; its own interval when shorter)
 * @param deadline per FireAlert call to survey-service
 */
@ConfigurationProperties("cx.metrics.alerts")
public record MetricAlertProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1m") Duration pollInterval,
    @DefaultValue("1m") Duration retryInterval,
    @DefaultValue("5s") Duration deadline) {}
