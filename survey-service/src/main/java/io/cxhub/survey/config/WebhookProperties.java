package io.cxhub.survey.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings under {@code cx.survey.webhooks}.
 *
 * @param allowLoopbackTargets let subscriptions target loopback addresses (the one-jar run,
 *     whose receivers run on the same machine, and the tests); never in a shared deployment
 * @param allowPrivateTargets let subscriptions target private ranges (RFC 1918, carrier-grade
 *     NAT), for a hub inside a company network. Link-local, unspecified, unique-local,
 *     multicast and cloud metadata addresses are refused whatever the settings
 * @param enabled whether this instance runs the delivery dispatcher
 * @param pollInterval time between two looks at the delivery queue
 * @param batchSize deliveries per look
 * @param connectTimeout TCP connect timeout of an attempt
 * @param requestTimeout whole-answer timeout of an attempt
 * @param maxAttempts attempts per delivery, the first included
 * @param initialBackoff wait after the first failed attempt
 * @param backoffMultiplier growth of the wait after each further failure
 * @param maxBackoff longest wait between two attempts
 * @param randomization jitter (0 for none, 0.2 for ±20 %) so receivers coming back are not hit all at once
 */
@ConfigurationProperties("cx.survey.webhooks")
public record WebhookProperties(
    @DefaultValue("false") boolean allowLoopbackTargets,
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("30s") Duration initialBackoff,
    @DefaultValue("2.0") double backoffMultiplier,
    @DefaultValue("30m") Duration maxBackoff,
    @DefaultValue("0.2") double randomization) {}
