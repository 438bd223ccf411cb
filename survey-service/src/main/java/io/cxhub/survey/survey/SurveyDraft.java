package io.cxhub.survey.survey;

import java.util.List;
import java.util.Map;

/**
 * A survey as a client asks to create (or change) it, before validation. Any field may be
 * missing or wrong; {@link SurveyValidator} names every problem.
 *
 * @param questions null-free list of question drafts
 * @param defaultLanguage empty for the default ({@code en})
 * @param journeyLink {@link JourneyLink#NONE} when the survey is not linked to a journey
 */
public record SurveyDraft(
    String title,
    String description,
    List<QuestionDraft> questions,
    String defaultLanguage,
    Map<String, String> titleTranslations,
    JourneyLink journeyLink) {

  public SurveyDraft {
    questions = List.copyOf(questions);
    defaultLanguage = defaultLanguage == null ? "" : defaultLanguage;
    titleTranslations = Map.copyOf(titleTranslations);
    journeyLink = journeyLink == null ? JourneyLink.NONE : journeyLink;
  }

  public SurveyDraft(String title, String description, List<QuestionDraft> questions) {
    this(title, description, questions, "", Map.of(), JourneyLink.NONE);
  }

  /** The draft that reproduces {@code survey} as it is. */
  static SurveyDraft of(Survey survey) {
    return new SurveyDraft(
        survey.title(),
        survey.description(),
        survey.questions().stream()
            .map(q -> new QuestionDraft(q.id(), q.kind(), q.text(), q.required(), q.scaleMin(), q.scaleMax(),
                q.choices(), q.textTranslations()))
            .toList(),
        survey.defaultLanguage(),
        survey.titleTranslations(),
        survey.journeyLink());
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
      List<Choice> choices,
      Map<String, String> textTranslations) {

    public QuestionDraft {
      choices = List.copyOf(choices);
      textTranslations = Map.copyOf(textTranslations);
    }

    public QuestionDraft(
        String questionId, QuestionKind kind, String text, boolean required, int scaleMin, int scaleMax,
        List<Choice> choices) {
      this(questionId, kind, text, required, scaleMin, scaleMax, choices, Map.of());
    }
  }
}
