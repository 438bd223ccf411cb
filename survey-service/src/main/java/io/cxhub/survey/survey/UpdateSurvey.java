package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Changes a survey's definition. A draft changes in place; an active survey gets a new
 * immutable version (the previous one is kept first, so responses that recorded it can
 * always be recomputed); a closed survey does not change. A changed journey link is
 * checked with journey-service before anything is written.
 */
public final class UpdateSurvey {

  /** Editable fields, by their name in the contract's field mask. */
  static final Set<String> FIELDS = Set.of(
      "title", "description", "questions", "default_language", "title_translations",
      "journey_id", "stage_id", "touchpoint_id");

  private final Surveys surveys;
  private final SurveyValidator validator;
  private final JourneyLinkCheck journeyLinks;
  private final Clock clock;

  public UpdateSurvey(Surveys surveys, SurveyValidator validator, JourneyDirectory journeys, Clock clock) {
    this.surveys = surveys;
    this.validator = validator;
    this.journeyLinks = new JourneyLinkCheck(journeys);
    this.clock = clock;
  }

  /**
   * @param changes the new values; only the fields in {@code mask} are read
   * @param mask field names from {@link #FIELDS}; empty means all of them
   */
  public Survey update(String tenantId, String surveyId, SurveyDraft changes, List<String> mask) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey.survey_id", "is required");
    }
    if (changes == null) {
      throw InvalidInputException.of("survey", "is required");
    }
    for (String field : mask) {
      if (!FIELDS.contains(field)) {
        throw InvalidInputException.of("update_mask", "'" + field + "' is not an editable field; editable: "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    Survey current = surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    if (current.state() == SurveyState.CLOSED) {
      throw new PreconditionFailedException("survey " + surveyId + " is closed and can no longer be changed");
    }
    SurveyDraft merged = merge(SurveyDraft.of(current), changes, mask.isEmpty() ? FIELDS : Set.copyOf(mask));
    List<Question> questions = validator.validate(merged);
    if (!merged.journeyLink().equals(current.journeyLink())) {
      journeyLinks.check(tenantId, merged.journeyLink());
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    boolean newVersion = current.state() == SurveyState.ACTIVE;
    var updated = new Survey(
        current.id(),
        tenantId,
        merged.title(),
        merged.description() == null ? "" : merged.description(),
        questions,
        current.state(),
        newVersion ? current.version() + 1 : current.version(),
        current.createTime(),
        now,
        SurveyValidator.language(merged),
        merged.titleTranslations(),
        merged.journeyLink());
    if (newVersion) {
      surveys.keepVersion(current);
    }
    if (!surveys.replace(updated, current.version(), current.updateTime())) {
      throw new PreconditionFailedException(
          "survey " + surveyId + " was changed by another request; read it again and retry");
    }
    return updated;
  }

  private static SurveyDraft merge(SurveyDraft current, SurveyDraft changes, Set<String> mask) {
    var was = current.journeyLink();
    var asked = changes.journeyLink();
    var link = new JourneyLink(
        pick(mask, "journey_id", was.journeyId(), asked.journeyId()),
        pick(mask, "stage_id", was.stageId(), asked.stageId()),
        pick(mask, "touchpoint_id", was.touchpointId(), asked.touchpointId()));
    return new SurveyDraft(
        pick(mask, "title", current.title(), changes.title()),
        pick(mask, "description", current.description(), changes.description()),
        pick(mask, "questions", current.questions(), changes.questions()),
        pick(mask, "default_language", current.defaultLanguage(), changes.defaultLanguage()),
        pick(mask, "title_translations", current.titleTranslations(), changes.titleTranslations()),
        link);
  }

  private static <T> T pick(Set<String> mask, String field, T current, T changed) {
    return mask.contains(field) ? changed : current;
  }
}
