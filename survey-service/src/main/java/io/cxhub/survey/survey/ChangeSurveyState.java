package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The lifecycle draft → active → closed. Activating opens a draft to responses; closing
 * stops responses for good (a draft may be closed too, when it is abandoned). Asking for
 * the state a survey is already in changes nothing, so a retried call succeeds.
 */
public final class ChangeSurveyState {

  private final Surveys surveys;
  private final Clock clock;

  public ChangeSurveyState(Surveys surveys, Clock clock) {
    this.surveys = surveys;
    this.clock = clock;
  }

  public Survey activate(String tenantId, String surveyId) {
    return change(tenantId, surveyId, SurveyState.ACTIVE);
  }

  public Survey close(String tenantId, String surveyId) {
    return change(tenantId, surveyId, SurveyState.CLOSED);
  }

  private Survey change(String tenantId, String surveyId, SurveyState target) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    Survey current = surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    if (current.state() == target) {
      return current;
    }
    if (current.state() == SurveyState.CLOSED) {
      throw new PreconditionFailedException("survey " + surveyId + " is closed and cannot be reopened");
    }
    var updated = current.withState(target, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (!surveys.replace(updated, current.version(), current.updateTime())) {
      throw new PreconditionFailedException(
          "survey " + surveyId + " was changed by another request; read it again and retry");
    }
    return updated;
  }
}
