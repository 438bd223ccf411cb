package io.cxhub.metrics.text;

/** Language of a text as far as the analysis goes: French, English, or anything else. */
public enum Language {
  FR,
  EN,
  OTHER
}
