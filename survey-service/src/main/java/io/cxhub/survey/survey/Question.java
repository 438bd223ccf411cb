package io.cxhub.survey.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated question. For scored kinds {@code scaleMin..scaleMax} is the accepted range
 * (both ends included); for other kinds both are 0. {@code choices} is empty unless the
 * kind is a choice kind. {@code text} is in the survey's default language,
 * {@code textTranslations} holds the other languages by ISO 639-1 code.
 */
public record Question(
    String id,
    QuestionKind kind,
    String text,
    boolean required,
    int scaleMin,
    int scaleMax,
    List<Choice> choices,
    Map<String, String> textTranslations) {

  public Question {
    choices = List.copyOf(choices);
    textTranslations = Map.copyOf(textTranslations);
  }

  public Question(
      String id, QuestionKind kind, String text, boolean required, int scaleMin, int scaleMax, List<Choice> choices) {
    this(id, kind, text, required, scaleMin, scaleMax, choices, Map.of());
  }

  public boolean acceptsScore(int score) {
    return kind.isScored() && score >= scaleMin && score <= scaleMax;
  }

  public Optional<Choice> choice(String choiceId) {
    return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
  }

  /** The text in {@code language}, or in the default language when it has no translation. */
  public String text(String language) {
    return Localized.pick(text, textTranslations, language);
  }
}
