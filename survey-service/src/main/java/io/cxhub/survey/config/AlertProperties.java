package io.cxhub.survey.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert rules and follow-up cases under {@code cx.survey.alerts}.
 *
 * @param enabled whether this instance runs the alert worker
 * @param pollInterval time between two looks at the responses waiting for evaluation
 * @param batchSize responses evaluated per tenant per look
 * @param firstContactSla default time to the first contact of a case, when its rule gives none
 * @param resolutionSla default time to the resolution of a case, when its rule gives none
 */
@ConfigurationProperties("cx.survey.alerts")
public record AlertProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("24h") Duration firstContactSla,
    @DefaultValue("72h") Duration resolutionSla) {}
