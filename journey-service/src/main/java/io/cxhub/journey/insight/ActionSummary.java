package io.cxhub.journey.insight;

/**
 * What the tables need to know of an improvement action: its target, status and measured
 * impact in words (empty before measuring).
 */
public record ActionSummary(String actionId, String title, String frictionId, String stageId, String touchpointId,
    String status, String measuredImpact) {}
