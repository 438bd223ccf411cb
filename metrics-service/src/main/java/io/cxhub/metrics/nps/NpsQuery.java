package io.cxhub.metrics.nps;

/**
 * A request for the NPS of a survey question over a period, as received.
 *
 * @param questionId empty: the survey's only NPS question
 * @param startDate first day (YYYY-MM-DD) or empty
 * @param endDate last day (YYYY-MM-DD) or empty
 */
public record NpsQuery(String surveyId, String questionId, String startDate, String endDate) {}
