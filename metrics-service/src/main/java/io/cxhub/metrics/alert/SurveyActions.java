package io.cxhub.metrics.alert;

/**
 * What survey-service does with a fired alert, besides sending {@code alert.fired} to the
 * subscribed webhooks.
 *
 * @param openCase open a follow-up case
 * @param surveyRuleId a survey-service alert rule whose actions (case, team, SLA, webhooks)
 *     apply; null when none
 */
public record SurveyActions(boolean openCase, String surveyRuleId) {

  public static final SurveyActions NONE = new SurveyActions(false, null);
}
