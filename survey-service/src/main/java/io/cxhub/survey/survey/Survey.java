package io.cxhub.survey.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey of one tenant, as stored: the current version of its definition.
 *
 * @param defaultLanguage ISO 639-1 code of {@code title} and of the questions' default texts
 * @param titleTranslations the title in other languages
 * @param journeyLink the journey stage/touchpoint it measures; {@link JourneyLink#NONE} when none
 */
public record Survey(
    String id,
    String tenantId,
    String title,
    String description,
    List<Question> questions,
    SurveyState state,
    int version,
    Instant createTime,
    Instant updateTime,
    String defaultLanguage,
    Map<String, String> titleTranslations,
    JourneyLink journeyLink) {

  public Survey {
    questions = List.copyOf(questions);
    titleTranslations = Map.copyOf(titleTranslations);
  }

  /** A survey in English with no translations and no journey link. */
  public Survey(
      String id,
      String tenantId,
      String title,
      String description,
      List<Question> questions,
      SurveyState state,
      int version,
      Instant createTime,
      Instant updateTime) {
    this(id, tenantId, title, description, questions, state, version, createTime, updateTime,
        SurveyValidator.DEFAULT_LANGUAGE, Map.of(), JourneyLink.NONE);
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  public boolean acceptsResponses() {
    return state == SurveyState.ACTIVE;
  }

  /** The title in {@code language}, or in the default language when it has no translation. */
  public String title(String language) {
    return Localized.pick(title, titleTranslations, language);
  }

  Survey withState(SurveyState newState, Instant now) {
    return new Survey(id, tenantId, title, description, questions, newState, version, createTime, now,
        defaultLanguage, titleTranslations, journeyLink);
  }
}
