package io.cxhub.journey.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * journey-service settings under {@code cx.journey}.
 *
 * @param metricsDeadline per call to metrics-service (score and KPI reads)
 * @param metricsParallelism calls to metrics-service sent at once by one instance
 * @param surveyDeadline per call to survey-service (verbatims, samples, FireAlert)
 * @param watchEnabled runs the friction watch and the action measurement in this instance
 * @param watchInterval how often the friction watch ranks every active journey
 * @param watchWindowDays the period the friction watch ranks (ending today)
 * @param measureInterval how often shipped actions are checked for a due measurement
 */
@ConfigurationProperties("cx.journey")
public record JourneyProperties(
    @DefaultValue("2s") Duration metricsDeadline,
    @DefaultValue("16") int metricsParallelism,
    @DefaultValue("3s") Duration surveyDeadline,
    @DefaultValue("true") boolean watchEnabled,
    @DefaultValue("1h") Duration watchInterval,
    @DefaultValue("28") int watchWindowDays,
    @DefaultValue("1h") Duration measureInterval) {}
