package io.cxhub.metrics.alert;

/**
 * One rule's evaluation, as EvaluateMetricAlertRules returns it.
 *
 * @param observation the figures looked at; null when none were computed
 * @param episode the episode concerned (fired now, before, or pending); null when none
 * @param error why the evaluation failed or its alert is pending; null otherwise
 */
public record Evaluation(
    String ruleId, String ruleName, Outcome outcome, Observation observation, Episode episode, String error) {}
