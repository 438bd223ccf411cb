package io.cxhub.survey.response;

/**
 * An answer as a respondent sent it, not yet checked against its question.
 *
 * @param value null when the respondent sent no value
 */
public record SubmittedAnswer(String questionId, AnswerValue value) {}
