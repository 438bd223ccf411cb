package io.cxhub.survey.survey;

/** What kind of answer a question takes; decides its scale and how answers are checked. */
public enum QuestionKind {
  NPS,
  CSAT,
  CES,
  RATING,
  SINGLE_CHOICE,
  MULTIPLE_CHOICE,
  FREE_TEXT;

  /** Kinds answered with a number on the question's scale; they feed the indicators. */
  public boolean isScored() {
    return this == NPS || this == CSAT || this == CES || this == RATING;
  }

  public boolean isChoice() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }
}
