package io.cxhub.metrics.ingest;

/**
 * A scored answer as survey-service recorded it, with its question's kind and scale.
 *
 * @param kind null when the question's kind is not a scored one (refused on recording)
 */
public record ScoredAnswer(String questionId, AnswerKind kind, int score, int scaleMin, int scaleMax) {}
