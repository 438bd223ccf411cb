package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.id.Ids;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Creates a survey: validated, its journey link checked, given a fresh unguessable id,
 * version 1, as a draft or (when asked) active at once.
 */
public final class CreateSurvey {

  private final Surveys surveys;
  private final SurveyValidator validator;
  private final JourneyLinkCheck journeyLinks;
  private final Clock clock;

  public CreateSurvey(Surveys surveys, SurveyValidator validator, JourneyDirectory journeys, Clock clock) {
    this.surveys = surveys;
    this.validator = validator;
    this.journeyLinks = new JourneyLinkCheck(journeys);
    this.clock = clock;
  }

  /**
   * @param state DRAFT or ACTIVE; null means ACTIVE, as the v1 contract has promised since
   *     its first release ("active at once"): authors who want to prepare a survey first
   *     ask for DRAFT explicitly
   */
  public Survey create(String tenantId, SurveyDraft draft, SurveyState state) {
    if (state == SurveyState.CLOSED) {
      throw InvalidInputException.of("survey.state", "must be SURVEY_STATE_DRAFT or SURVEY_STATE_ACTIVE");
    }
    List<Question> questions = validator.validate(draft);
    journeyLinks.check(tenantId, draft.journeyLink());
    // stored times have millisecond precision; truncate so the reply equals what is stored
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var survey = new Survey(
        Ids.random(),
        tenantId,
        draft.title(),
        draft.description() == null ? "" : draft.description(),
        questions,
        state == null ? SurveyState.ACTIVE : state,
        1,
        now,
        now,
        SurveyValidator.language(draft),
        draft.titleTranslations(),
        draft.journeyLink());
    surveys.insert(survey);
    return survey;
  }
}
