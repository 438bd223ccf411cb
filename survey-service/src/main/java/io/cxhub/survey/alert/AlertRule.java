package io.cxhub.survey.alert;

import java.time.Instant;

/** A declarative alert rule: data, evaluated by {@link RuleEvaluator}, never code. */
public record AlertRule(
    String tenantId,
    String ruleId,
    String name,
    boolean enabled,
    AlertConditions conditions,
    AlertActions actions,
    Instant createdAt) {}
