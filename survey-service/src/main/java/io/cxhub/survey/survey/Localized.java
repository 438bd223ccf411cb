package io.cxhub.survey.survey;

import java.util.Map;

/** The fallback rule of localized texts: the translation when there is one, else the default text. */
final class Localized {

  private Localized() {}

  static String pick(String defaultText, Map<String, String> translations, String language) {
    if (language == null || language.isEmpty()) {
      return defaultText;
    }
    return translations.getOrDefault(language, defaultText);
  }
}
