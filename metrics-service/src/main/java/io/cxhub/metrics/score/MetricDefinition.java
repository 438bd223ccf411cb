package io.cxhub.metrics.score;

/**
 * How an indicator is computed, as versioned data: every score states the definition (id
 * and version) it used, so a change of definition is visible and old figures stay
 * explainable.
 */
public record MetricDefinition(String id, int version, String text) {}
