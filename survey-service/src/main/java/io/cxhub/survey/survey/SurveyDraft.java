package io.cxhub.survey.survey;

import java.util.List;

/**
 * A survey as a client asks to create it, before validation. Any field may be missing or
 * wrong; {@link SurveyValidator} names every problem.
 *
 * @param questions null-free list of question drafts
 */
public record SurveyDraft(String title, String description, List<QuestionDraft> questions) {

  public SurveyDraft {
    questions = List.copyOf(questions);
  }

  /**
   * A question as submitted.
   *
   * @param kind null when the client left it unspecified or sent an unknown value
   * @param scaleMin 0 when not set
   * @param scaleMax 0 when not set
   */
  public record QuestionDraft(
      String questionId,
      QuestionKind kind,
      String text,
      boolean required,
      int scaleMin,
      int scaleMax,
      List<Choice> choices) {

    public QuestionDraft {
      choices = List.copyOf(choices);
    }
  }
}
