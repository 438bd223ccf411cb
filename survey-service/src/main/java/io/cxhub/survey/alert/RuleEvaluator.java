package io.cxhub.survey.alert;

import io.cxhub.kit.domain.NpsCategory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a rule's conditions hold for a subject. Pure: the text analysis of the
 * answers, which costs a call, is asked of {@code analyses} only when every cheaper condition
 * held and the rule tests sentiment or themes.
 */
public final class RuleEvaluator {

  private RuleEvaluator() {}

  /** For subjects and rules without text-analysis conditions (none is ever read). */
  public static boolean matches(AlertConditions c, AlertSubject s) {
    return matches(c, s, List::of);
  }

  /**
   * @param analyses the analysis of each free-text answer of the subject (memoize it: it is
   *     asked again for every rule that tests it)
   */
  public static boolean matches(AlertConditions c, AlertSubject s, Supplier<List<CommentAnalysis>> analyses) {
    if (c.surveyId() != null && !c.surveyId().equals(s.surveyId())) {
      return false;
    }
    if (!c.channels().isEmpty() && !c.channels().contains(s.channel())) {
      return false;
    }
    if (c.stageId() != null && !c.stageId().equals(s.stageId())) {
      return false;
    }
    if (c.touchpointId() != null && !c.touchpointId().equals(s.touchpointId())) {
      return false;
    }
    if (c.testsScore()) {
      var score = testedScore(c, s);
      if (score.isEmpty()) {
        return false;
      }
      int value = score.get().value();
      if (!c.categories().isEmpty()) {
        if (!score.get().nps() || !c.categories().contains(NpsCategory.of(value))) {
          return false;
        }
      }
      if (c.minScore() != null && value < c.minScore()) {
        return false;
      }
      if (c.maxScore() != null && value > c.maxScore()) {
        return false;
      }
    }
    if (!c.keywords().isEmpty()) {
      boolean found = s.texts().stream()
          .anyMatch(text -> c.keywords().stream().anyMatch(k -> TextFolding.containsKeyword(text, k)));
      if (!found) {
        return false;
      }
    }
    if (c.testsTextAnalysis()) {
      if (s.texts().isEmpty()) {
        return false;
      }
      return analyses.get().stream().anyMatch(a -> mentions(c, a));
    }
    return true;
  }

  /**
   * One answer holds the text conditions. Sentiments alone test the answer's overall
   * sentiment; with themes, the sentiment of the clauses that mention one of the themes (a
   * negative remark on delivery in an otherwise happy comment is a negative delivery comment).
   */
  private static boolean mentions(AlertConditions c, CommentAnalysis a) {
    if (c.themes().isEmpty()) {
      return a.sentiment() != null && c.sentiments().contains(a.sentiment());
    }
    return a.themes().entrySet().stream().anyMatch(e -> c.themes().contains(e.getKey())
        && (c.sentiments().isEmpty() || (e.getValue() != null && c.sentiments().contains(e.getValue()))));
  }

  /** The score the rule looks at: its question's, else the first NPS one, else the first one. */
  static Optional<AlertSubject.Score> testedScore(AlertConditions c, AlertSubject s) {
    if (c.questionId() != null) {
      return s.scores().stream().filter(x -> x.questionId().equals(c.questionId())).findFirst();
    }
    return s.scores().stream().filter(AlertSubject.Score::nps).findFirst()
        .or(() -> s.scores().stream().findFirst());
  }

  /** The NPS category of the subject (for the case's playbook), if it has an NPS score. */
  public static Optional<NpsCategory> category(AlertConditions c, AlertSubject s) {
    return testedScore(c, s).filter(AlertSubject.Score::nps).map(x -> NpsCategory.of(x.value()))
        .or(() -> s.scores().stream().filter(AlertSubject.Score::nps).findFirst().map(x -> NpsCategory.of(x.value())));
  }
}
