package io.cxhub.survey.alert;

import java.time.Duration;

/**
 * What a rule does when it fires.
 *
 * @param firstContactSla null for the tenant default
 * @param resolutionSla null for the tenant default
 */
public record AlertActions(
    boolean openCase, boolean notifyWebhooks, String team, String assignee, Duration firstContactSla, Duration resolutionSla) {}
