package io.cxhub.metrics.ingest;

/** A scored answer as survey-service recorded it, with its question's kind and scale. */
public record ScoredAnswer(String questionId, String kind, int score, int scaleMin, int scaleMax) {}
