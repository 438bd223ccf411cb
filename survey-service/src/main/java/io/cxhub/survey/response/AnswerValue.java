package io.cxhub.survey.response;

import java.util.List;

/** The value of one answer; which variant fits depends on the question's kind. */
public sealed interface AnswerValue {

  /** A score on the question's scale (NPS, CSAT, CES, RATING). */
  record Score(int value) implements AnswerValue {}

  /** Free text. */
  record Text(String value) implements AnswerValue {}

  /** The picked options of a choice question. */
  record Choices(List<String> choiceIds) implements AnswerValue {

    public Choices {
      choiceIds = List.copyOf(choiceIds);
    }
  }
}
