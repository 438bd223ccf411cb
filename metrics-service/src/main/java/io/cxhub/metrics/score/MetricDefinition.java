package io.cxhub.metrics.score;

import java.util.Map;

/**
 * How an indicator is computed, as versioned data: every score states the definition (id
 * and version) it used, so a change of definition is visible and old figures stay
 * explainable.
 *
 * @param intervalMethod the interval method by name; empty when there is none
 * @param intervalConstants the method's constants by name (what a reader needs to redo it)
 */
public record MetricDefinition(
    String id, int version, String text, String intervalMethod, Map<String, Double> intervalConstants) {

  public MetricDefinition {
    intervalConstants = Map.copyOf(intervalConstants);
  }

  /** A definition without an interval method. */
  public MetricDefinition(String id, int version, String text) {
    this(id, version, text, "", Map.of());
  }
}
