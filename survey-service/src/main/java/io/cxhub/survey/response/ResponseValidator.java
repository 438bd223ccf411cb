package io.cxhub.survey.response;

import io.cxhub.kit.error.Violations;
import io.cxhub.survey.survey.Question;
import io.cxhub.survey.survey.QuestionKind;
import io.cxhub.survey.survey.Survey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a submission against the survey it answers: each answer against its question
 * (score within the scale, picked options that exist, text length), at most one answer per
 * question, every required question answered. Every problem is reported at once, naming
 * the field in the SubmitResponseRequest (e.g. {@code answers[1].score}).
 */
public final class ResponseValidator {

  public static final int MAX_TEXT = 5_000;
  public static final int MAX_IDEMPOTENCY_KEY = 128;

  /**
   * @return the answers with their questions' kind and scale attached
   * @throws io.cxhub.kit.error.InvalidInputException naming every invalid field
   */
  public List<ResponseAnswer> validate(Survey survey, ResponseSubmission submission) {
    var violations = new Violations();
    var accepted = new ArrayList<ResponseAnswer>();
    Map<String, Integer> answeredAt = new HashMap<>();
    List<SubmittedAnswer> answers = submission.answers();
    for (int i = 0; i < answers.size(); i++) {
      String path = "answers[" + i + "]";
      SubmittedAnswer answer = answers.get(i);
      String questionId = answer.questionId();
      if (questionId == null || questionId.isEmpty()) {
        violations.add(path + ".question_id", "is required");
        continue;
      }
      var question = survey.question(questionId);
      if (question.isEmpty()) {
        violations.add(path + ".question_id", "is not a question of this survey");
        continue;
      }
      Integer earlier = answeredAt.putIfAbsent(questionId, i);
      if (earlier != null) {
        violations.add(path + ".question_id", "answers the same question as answers[" + earlier + "]");
        continue;
      }
      if (checkValue(question.get(), answer.value(), path, violations)) {
        Question q = question.get();
        accepted.add(new ResponseAnswer(q.id(), q.kind(), q.scaleMin(), q.scaleMax(), answer.value()));
      }
    }
    for (Question q : survey.questions()) {
      if (q.required() && !answeredAt.containsKey(q.id())) {
        violations.add("answers", "must answer the required question '" + q.id() + "'");
      }
    }
    violations.throwIfAny();
    return accepted;
  }

  /** @return whether the value is acceptable */
  private static boolean checkValue(Question q, AnswerValue value, String path, Violations violations) {
    QuestionKind kind = q.kind();
    if (kind.isScored()) {
      if (!(value instanceof AnswerValue.Score score)) {
        violations.add(path + ".score", "is required for " + kind + " questions");
        return false;
      }
      if (!q.acceptsScore(score.value())) {
        violations.add(path + ".score", "must be between " + q.scaleMin() + " and " + q.scaleMax());
        return false;
      }
      return true;
    }
    if (kind == QuestionKind.FREE_TEXT) {
      if (!(value instanceof AnswerValue.Text text)) {
        violations.add(path + ".text", "is required for FREE_TEXT questions");
        return false;
      }
      if (text.value().isBlank()) {
        violations.add(path + ".text", "must not be blank");
        return false;
      }
      int before = violationsCount(violations);
      violations.maxLength(path + ".text", text.value(), MAX_TEXT);
      return violationsCount(violations) == before;
    }
    String field = path + ".choices.choice_ids";
    if (!(value instanceof AnswerValue.Choices choices)) {
      violations.add(field, "is required for " + kind + " questions");
      return false;
    }
    List<String> ids = choices.choiceIds();
    boolean ok = true;
    if (kind == QuestionKind.SINGLE_CHOICE && ids.size() != 1) {
      violations.add(field, "must contain exactly one choice");
      ok = false;
    } else if (ids.isEmpty()) {
      violations.add(field, "must contain at least one choice");
      ok = false;
    }
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < ids.size(); j++) {
      if (q.choice(ids.get(j)).isEmpty()) {
        violations.add(field + "[" + j + "]", "is not a choice of question '" + q.id() + "'");
        ok = false;
      } else if (!seen.add(ids.get(j))) {
        violations.add(field + "[" + j + "]", "is picked twice");
        ok = false;
      }
    }
    return ok;
  }

  private static int violationsCount(Violations violations) {
    return violations.asList().size();
  }
}
