package io.cxhub.survey.response;

import io.cxhub.survey.survey.QuestionKind;

/**
 * An accepted answer, stored with the definition of its question at the time (kind and
 * scale), so indicators can be recomputed even after the survey changes.
 */
public record ResponseAnswer(
    String questionId, QuestionKind kind, int scaleMin, int scaleMax, AnswerValue value) {}
