package io.cxhub.survey.followup;

import io.cxhub.kit.domain.NpsCategory;
import java.time.Duration;

/**
 * What opens a case.
 *
 * @param caseId deterministic (derived from rule and response, or from the alert id), so a
 *     retry opens nothing new
 * @param firstContactSla null for the default
 * @param resolutionSla null for the default
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
    Duration resolutionSla) {}
