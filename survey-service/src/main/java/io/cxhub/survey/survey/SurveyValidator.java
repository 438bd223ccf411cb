package io.cxhub.survey.survey;

import io.cxhub.kit.error.Violations;
import io.cxhub.survey.survey.SurveyDraft.QuestionDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a survey draft and completes it (generated ids, default scales). Every problem
 * is collected and reported at once, each naming its field as a path in the
 * CreateSurveyRequest (e.g. {@code survey.questions[2].scale_max}).
 */
public final class SurveyValidator {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 2_000;
  public static final int MAX_QUESTIONS = 50;
  public static final int MAX_QUESTION_TEXT = 1_000;
  public static final int MAX_CHOICES = 50;
  public static final int MAX_CHOICE_LABEL = 200;

  /** Language of a survey's texts when the author does not name one. */
  public static final String DEFAULT_LANGUAGE = "en";

  static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final String LANGUAGE_RULE = "a lowercase ISO 639-1 code such as 'fr' or 'en'";
  private static final String ID_RULE = "1 to 64 lowercase letters, digits, '_' or '-'";

  /**
   * @return the questions with ids and scales filled in
   * @throws io.cxhub.kit.error.InvalidInputException naming every invalid field
   */
  public List<Question> validate(SurveyDraft draft) {
    var violations = new Violations();
    if (draft == null) {
      violations.add("survey", "is required");
      violations.throwIfAny();
    }
    violations.requireText("survey.title", draft.title(), MAX_TITLE);
    violations.maxLength("survey.description", draft.description(), MAX_DESCRIPTION);
    if (!draft.defaultLanguage().isEmpty()) {
      violations.matches("survey.default_language", draft.defaultLanguage(), LANGUAGE, LANGUAGE_RULE);
    }
    translations("survey.title_translations", draft.titleTranslations(), MAX_TITLE, violations);
    var link = draft.journeyLink();
    if (link.journeyId().isEmpty() && !(link.stageId().isEmpty() && link.touchpointId().isEmpty())) {
      violations.add("survey.journey_id", "is required when stage_id or touchpoint_id is set");
    }

    List<QuestionDraft> drafts = draft.questions();
    if (drafts.isEmpty()) {
      violations.add("survey.questions", "must contain at least one question");
    } else if (drafts.size() > MAX_QUESTIONS) {
      violations.add("survey.questions", "must contain at most " + MAX_QUESTIONS + " questions");
    }

    List<String> ids = questionIds(drafts, violations);
    var questions = new ArrayList<Question>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      questions.add(question(drafts.get(i), ids.get(i), "survey.questions[" + i + "]", violations));
    }
    violations.throwIfAny();
    return questions;
  }

  /** The language a draft's default texts are in: {@code en} when it names none. */
  public static String language(SurveyDraft draft) {
    return draft.defaultLanguage().isEmpty() ? DEFAULT_LANGUAGE : draft.defaultLanguage();
  }

  /** Each key a language code, each text present and at most {@code max} characters. */
  private static void translations(String field, Map<String, String> texts, int max, Violations violations) {
    texts.forEach((language, text) -> {
      String path = field + "[" + language + "]";
      violations.matches(path, language, LANGUAGE, "keyed by " + LANGUAGE_RULE);
      violations.requireText(path, text, max);
    });
  }

  /** Explicit ids are checked; empty ones become {@code q<position>} (or the next free one). */
  private static List<String> questionIds(List<QuestionDraft> drafts, Violations violations) {
    return assignIds(
        drafts.stream().map(QuestionDraft::questionId).toList(),
        "q",
        i -> "survey.questions[" + i + "].question_id",
        violations);
  }

  private static List<String> assignIds(
      List<String> given, String prefix, java.util.function.IntFunction<String> field, Violations violations) {
    Set<String> taken = new HashSet<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      String id = given.get(i);
      if (id == null || id.isEmpty()) {
        continue;
      }
      if (!ID.matcher(id).matches()) {
        violations.add(field.apply(i), "must be " + ID_RULE);
      } else if (firstIndex.containsKey(id)) {
        violations.add(field.apply(i), "duplicates " + field.apply(firstIndex.get(id)));
      } else {
        firstIndex.put(id, i);
      }
      taken.add(id);
    }
    var ids = new ArrayList<String>(given.size());
    for (int i = 0; i < given.size(); i++) {
      String id = given.get(i);
      if (id == null || id.isEmpty()) {
        int n = i + 1;
        while (taken.contains(prefix + n)) {
          n++;
        }
        id = prefix + n;
        taken.add(id);
      }
      ids.add(id);
    }
    return ids;
  }

  private static Question question(QuestionDraft q, String id, String path, Violations violations) {
    violations.requireText(path + ".text", q.text(), MAX_QUESTION_TEXT);
    translations(path + ".text_translations", q.textTranslations(), MAX_QUESTION_TEXT, violations);
    QuestionKind kind = q.kind();
    if (kind == null) {
      violations.add(path + ".kind", "is required");
      return new Question(id, QuestionKind.FREE_TEXT, q.text(), q.required(), 0, 0, List.of());
    }
    int[] scale = scale(kind, q.scaleMin(), q.scaleMax(), path, violations);
    List<Choice> choices = choices(kind, q.choices(), path, violations);
    return new Question(id, kind, q.text(), q.required(), scale[0], scale[1], choices, q.textTranslations());
  }

  /** The scale of a question: fixed for NPS and CSAT, 1-7 or 1-5 for CES, author-set for RATING. */
  private static int[] scale(QuestionKind kind, int min, int max, String path, Violations violations) {
    String minField = path + ".scale_min";
    String maxField = path + ".scale_max";
    switch (kind) {
      case NPS -> {
        violations.check(min == 0, minField, "is fixed to 0 for NPS questions");
        violations.check(max == 0 || max == 10, maxField, "is fixed to 10 for NPS questions");
        return new int[] {0, 10};
      }
      case CSAT -> {
        violations.check(min == 0 || min == 1, minField, "is fixed to 1 for CSAT questions");
        violations.check(max == 0 || max == 5, maxField, "is fixed to 5 for CSAT questions");
        return new int[] {1, 5};
      }
      case CES -> {
        violations.check(min == 0 || min == 1, minField, "is fixed to 1 for CES questions");
        violations.check(max == 0 || max == 7 || max == 5, maxField, "must be 7 (default) or 5 for CES questions");
        return new int[] {1, max == 5 ? 5 : 7};
      }
      case RATING -> {
        violations.check(min == 0 || min == 1, minField, "must be 0 or 1 for RATING questions");
        violations.check(max >= 2 && max <= 10, maxField, "must be between 2 and 10 for RATING questions");
        return new int[] {min, max};
      }
      default -> {
        violations.check(min == 0, minField, "must not be set: only scored questions have a scale");
        violations.check(max == 0, maxField, "must not be set: only scored questions have a scale");
        return new int[] {0, 0};
      }
    }
  }

  private static List<Choice> choices(QuestionKind kind, List<Choice> given, String path, Violations violations) {
    String field = path + ".choices";
    if (!kind.isChoice()) {
      violations.check(given.isEmpty(), field, "must be empty: only choice questions have choices");
      return List.of();
    }
    if (given.size() < 2) {
      violations.add(field, "must contain at least 2 choices");
    } else if (given.size() > MAX_CHOICES) {
      violations.add(field, "must contain at most " + MAX_CHOICES + " choices");
    }
    List<String> ids = assignIds(
        given.stream().map(Choice::id).toList(), "c", j -> field + "[" + j + "].choice_id", violations);
    var choices = new ArrayList<Choice>(given.size());
    for (int j = 0; j < given.size(); j++) {
      Choice choice = given.get(j);
      violations.requireText(field + "[" + j + "].label", choice.label(), MAX_CHOICE_LABEL);
      translations(field + "[" + j + "].label_translations", choice.labelTranslations(), MAX_CHOICE_LABEL, violations);
      choices.add(new Choice(ids.get(j), choice.label(), choice.labelTranslations()));
    }
    return choices;
  }
}
