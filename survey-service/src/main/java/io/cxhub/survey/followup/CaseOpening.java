package io.cxhub.survey.followup;

import java.time.Duration;

/**
 * What opens a case.
 *
 * @param caseId deterministic (derived from rule and response, or from the alert id), so a
 *     retry opens nothing new
 * @param firstContactSla null for the default
 * @param resolutionSla null for the default
 * @param contactConsent the respondent agreed to be contacted: the case notes it
 */
public record CaseOpening(
    String tenantId,
    String caseId,
    String ruleId,
    String responseId,
    String alertId,
    String surveyId,
    NpsCategory category,
    String title,
    String assignee,
    String team,
    Duration firstContactSla,
    Duration resolutionSla,
    boolean contactConsent) {

  /** An opening whose respondent did not say they agree to be contacted (alerts, rules). */
  public CaseOpening(String tenantId, String caseId, String ruleId, String responseId, String alertId,
      String surveyId, NpsCategory category, String title, String assignee, String team,
      Duration firstContactSla, Duration resolutionSla) {
    this(tenantId, caseId, ruleId, responseId, alertId, surveyId, category, title, assignee, team,
        firstContactSla, resolutionSla, false);
  }
}
