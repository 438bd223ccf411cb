package io.cxhub.survey.survey;

import java.util.Map;

/**
 * An option of a choice question.
 *
 * @param label the label in the survey's default language
 * @param labelTranslations the label in other languages, by ISO 639-1 code
 */
public record Choice(String id, String label, Map<String, String> labelTranslations) {

  public Choice {
    labelTranslations = Map.copyOf(labelTranslations);
  }

  public Choice(String id, String label) {
    this(id, label, Map.of());
  }

  /** The label in {@code language}, or in the default language when it has no translation. */
  public String label(String language) {
    return Localized.pick(label, labelTranslations, language);
  }
}
