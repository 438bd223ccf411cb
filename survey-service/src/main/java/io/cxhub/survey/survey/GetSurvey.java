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

  /** Version {@code version} of the survey: the current one or one kept when it was superseded. */
  public Survey getVersion(String tenantId, String surveyId, int version) {
    Survey current = get(tenantId, surveyId);
    if (version == current.version()) {
      return current;
    }
    if (version < 1 || version > current.version()) {
      throw InvalidInputException.of("version", "must be between 1 and " + current.version());
    }
    return surveys.findVersion(tenantId, surveyId, version)
        .orElseThrow(() -> new NotFoundException("survey version", surveyId + "/" + version));
  }
}
