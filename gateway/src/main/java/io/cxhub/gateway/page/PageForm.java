package io.cxhub.gateway.page;

import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.ChoiceSelection;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A posted survey form: field {@code q.<questionId>} per question (repeated for multiple
 * choice), {@code _key} the page view's idempotency key, {@code consent}, and the widget's
 * page context {@code ctx.url} and {@code ctx.stage}. Checked like survey-service checks a
 * response (required, scale, options, length), so the respondent sees each problem next to
 * its question, in the page's language, before anything is sent.
 */
final class PageForm {

  static final String FIELD_PREFIX = "q.";
  static final String KEY = "_key";
  static final String CONSENT = "consent";
  static final String CONTEXT_URL = "ctx.url";
  static final String CONTEXT_STAGE = "ctx.stage";
  static final int MAX_TEXT = 5_000;
  static final int MAX_KEY = 128;
  private static final int MAX_CONTEXT_URL = 500;
  private static final int MAX_CONTEXT_STAGE = 64;
  private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)]");
  private static final Pattern REQUIRED_QUESTION = Pattern.compile("required question '([^']+)'");

  private final Map<String, List<String>> values;
  private final List<Answer> answers;
  /** The question each answer answers, by index, to place the server's violations. */
  private final List<Question> answered;
  private final Map<String, String> errors;
  private final String key;
  private final boolean consent;
  private final String contextUrl;
  private final String contextStage;

  private PageForm(Map<String, List<String>> values, List<Answer> answers, List<Question> answered,
      Map<String, String> errors, String key, boolean consent, String contextUrl, String contextStage) {
    this.values = values;
    this.answers = answers;
    this.answered = answered;
    this.errors = errors;
    this.key = key;
    this.consent = consent;
    this.contextUrl = contextUrl;
    this.contextStage = contextStage;
  }

  /** An empty form (a fresh page view). */
  static PageForm empty(String key, String contextUrl, String contextStage) {
    return new PageForm(Map.of(), List.of(), List.of(), Map.of(), key, false,
        clip(contextUrl, MAX_CONTEXT_URL), clip(contextStage, MAX_CONTEXT_STAGE));
  }

  static PageForm read(PublicSurvey survey, MultiValueMap<String, String> form, PageText text) {
    var values = new LinkedHashMap<String, List<String>>();
    var answers = new ArrayList<Answer>();
    var answered = new ArrayList<Question>();
    var errors = new LinkedHashMap<String, String>();
    for (Question q : survey.getQuestionsList()) {
      List<String> raw = form.getOrDefault(FIELD_PREFIX + q.getQuestionId(), List.of()).stream()
          .filter(v -> v != null && !v.isBlank()).toList();
      values.put(q.getQuestionId(), raw);
      if (raw.isEmpty()) {
        if (q.getRequired()) {
          errors.put(q.getQuestionId(), text.get("error.required"));
        }
        continue;
      }
      var answer = Answer.newBuilder().setQuestionId(q.getQuestionId());
      String problem = null;
      switch (q.getKind()) {
        case QUESTION_KIND_NPS, QUESTION_KIND_CSAT, QUESTION_KIND_CES, QUESTION_KIND_RATING -> {
          Integer score = parse(raw.get(0));
          if (score == null || score < q.getScaleMin() || score > q.getScaleMax() || raw.size() > 1) {
            problem = text.get("error.range", q.getScaleMin(), q.getScaleMax());
          } else {
            answer.setScore(score);
          }
        }
        case QUESTION_KIND_SINGLE_CHOICE, QUESTION_KIND_MULTIPLE_CHOICE -> {
          var known = q.getChoicesList().stream().map(c -> c.getChoiceId()).toList();
          var picked = new LinkedHashSet<>(raw);
          boolean single = q.getKind() == QuestionKind.QUESTION_KIND_SINGLE_CHOICE;
          if (!known.containsAll(picked) || (single && picked.size() != 1)) {
            problem = text.get(single ? "error.choice" : "error.choices");
          } else {
            answer.setChoices(ChoiceSelection.newBuilder().addAllChoiceIds(picked));
          }
        }
        case QUESTION_KIND_FREE_TEXT -> {
          String value = raw.get(0).strip();
          if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            problem = text.get("error.long", MAX_TEXT);
          } else {
            answer.setText(value);
          }
        }
        default -> problem = text.get("error.invalid");
      }
      if (problem != null) {
        errors.put(q.getQuestionId(), problem);
      } else {
        answers.add(answer.build());
        answered.add(q);
      }
    }
    String key = clip(form.getFirst(KEY), MAX_KEY);
    return new PageForm(values, answers, answered, errors, key, "yes".equals(form.getFirst(CONSENT)),
        clip(form.getFirst(CONTEXT_URL), MAX_CONTEXT_URL), clip(form.getFirst(CONTEXT_STAGE), MAX_CONTEXT_STAGE));
  }

  /**
   * Places survey-service's field violations ({@code answers[i].score}, or {@code answers}
   * naming a required question) on their questions, in the page's language.
   */
  PageForm withServerViolations(List<String[]> fieldAndDescription, PageText text) {
    var placed = new LinkedHashMap<>(errors);
    for (String[] v : fieldAndDescription) {
      String questionId = null;
      Matcher m = ANSWER_FIELD.matcher(v[0]);
      if (m.lookingAt()) {
        int i = Integer.parseInt(m.group(1));
        questionId = i < answered.size() ? answered.get(i).getQuestionId() : null;
      } else {
        Matcher r = REQUIRED_QUESTION.matcher(v[1]);
        if (r.find()) {
          questionId = r.group(1);
        }
      }
      if (questionId == null) {
        questionId = "";
      }
      String description = v[1];
      String message = description.contains("required") ? text.get("error.required")
          : description.contains("characters") ? text.get("error.long", MAX_TEXT)
          : text.get("error.invalid");
      placed.putIfAbsent(questionId, message);
    }
    return new PageForm(values, answers, answered, placed, key, consent, contextUrl, contextStage);
  }

  /** The NPS score given, if any: the thank-you page follows it. */
  Integer npsScore() {
    for (int i = 0; i < answered.size(); i++) {
      if (answered.get(i).getKind() == QuestionKind.QUESTION_KIND_NPS) {
        return answers.get(i).getScore();
      }
    }
    return null;
  }

  private static Integer parse(String value) {
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String clip(String value, int max) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    return stripped.length() > max ? stripped.substring(0, max) : stripped;
  }

  List<String> values(String questionId) {
    return values.getOrDefault(questionId, List.of());
  }

  List<Answer> answers() {
    return answers;
  }

  Map<String, String> errors() {
    return errors;
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  String key() {
    return key;
  }

  boolean consent() {
    return consent;
  }

  String contextUrl() {
    return contextUrl;
  }

  String contextStage() {
    return contextStage;
  }
}
