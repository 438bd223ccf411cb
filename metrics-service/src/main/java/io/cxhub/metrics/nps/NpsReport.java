package io.cxhub.metrics.nps;

/**
 * The NPS of one question of a survey over a period.
 *
 * @param questionId the question measured; empty when the survey has no NPS data at all
 */
public record NpsReport(String surveyId, String questionId, NetPromoterScore score) {}
