package io.cxhub.survey.survey;

import io.cxhub.survey.survey.SurveyDraft.QuestionDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drafts and questions for tests. */
public final class SurveyFixtures {

  private SurveyFixtures() {}

  public static QuestionDraft nps(String id) {
    return new QuestionDraft(id, QuestionKind.NPS, "How likely are you to recommend us?", true, 0, 0, List.of());
  }

  public static QuestionDraft question(QuestionKind kind, int scaleMin, int scaleMax, Choice... choices) {
    return new QuestionDraft("", kind, "A question", false, scaleMin, scaleMax, Arrays.asList(choices));
  }

  public static SurveyDraft draft(QuestionDraft... questions) {
    return new SurveyDraft("Delivery survey", "After delivery", Arrays.asList(questions));
  }

  /** A draft with one NPS question and the given others after it. */
  public static SurveyDraft withNps(QuestionDraft... others) {
    var all = new ArrayList<QuestionDraft>();
    all.add(nps(""));
    all.addAll(Arrays.asList(others));
    return new SurveyDraft("Delivery survey", "", all);
  }
}
