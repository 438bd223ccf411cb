package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;

/**
 * Reads one survey of the caller's tenant. Another tenant's survey is reported exactly like
 * a missing one, so ids cannot be probed across tenants.
 */
public final class GetSurvey {

  private final Surveys surveys;

  public GetSurvey(Surveys surveys) {
    this.surveys = surveys;
  }

  public Survey get(String tenantId, String surveyId) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    return surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
  }
}
