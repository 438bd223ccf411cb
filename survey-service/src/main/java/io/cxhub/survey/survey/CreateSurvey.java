package io.cxhub.survey.survey;

import io.cxhub.kit.id.Ids;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creates a survey: validated, given a fresh unguessable id, active at once, version 1. */
public final class CreateSurvey {

  private final Surveys surveys;
  private final SurveyValidator validator;
  private final Clock clock;

  public CreateSurvey(Surveys surveys, SurveyValidator validator, Clock clock) {
    this.surveys = surveys;
    this.validator = validator;
    this.clock = clock;
  }

  public Survey create(String tenantId, SurveyDraft draft) {
    List<Question> questions = validator.validate(draft);
    // stored times have millisecond precision; truncate so the reply equals what is stored
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var survey = new Survey(
        Ids.random(),
        tenantId,
        draft.title(),
        draft.description() == null ? "" : draft.description(),
        questions,
        SurveyState.ACTIVE,
        1,
        now,
        now);
    surveys.insert(survey);
    return survey;
  }
}
