package io.cxhub.survey.alert;

import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.survey.QuestionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox subscriber {@value #NAME}: evaluates the alert rules on each accepted response,
 * in the background, so a submission never waits for them. A response is reported handled
 * only after its rules ran, so a crash means it is evaluated again, which
 * {@link EvaluateRules} makes harmless. A response whose evaluation fails is retried by the
 * worker without holding up the others and set aside as FAILED, with the reason, after the
 * configured number of attempts.
 */
public final class AlertEvaluation implements OutboxSubscriber {

  public static final String NAME = "alerts";

  private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);

  /** Evaluates the rules on one response (EvaluateRules#evaluate). */
  @FunctionalInterface
  public interface Evaluator {
    void evaluate(AlertSubject subject);
  }

  private final Evaluator evaluate;
  // touched only by the worker thread
  private final Map<String, String> reasons = new HashMap<>();

  public AlertEvaluation(Evaluator evaluate) {
    this.evaluate = evaluate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> handle(String tenantId, List<SurveyResponse> batch) {
    reasons.clear();
    var done = new HashSet<String>();
    for (SurveyResponse response : batch) {
      try {
        evaluate.evaluate(subject(response));
        done.add(response.responseId());
      } catch (RuntimeException e) {
        reasons.put(response.responseId(), String.valueOf(e));
        log.warn("alert evaluation failed tenant={} response={}; it stays pending",
            tenantId, response.responseId(), e);
      }
    }
    return done;
  }

  @Override
  public String unhandledReason(String responseId) {
    return reasons.getOrDefault(responseId, "alert evaluation failed");
  }

  /** The facts rules are evaluated on. */
  public static AlertSubject subject(SurveyResponse r) {
    var scores = new ArrayList<AlertSubject.Score>();
    var texts = new ArrayList<String>();
    for (ResponseAnswer a : r.answers()) {
      if (a.value() instanceof AnswerValue.Score s) {
        scores.add(new AlertSubject.Score(a.questionId(), a.kind() == QuestionKind.NPS, s.value()));
      } else if (a.value() instanceof AnswerValue.Text t) {
        texts.add(t.value());
      }
    }
    var link = r.journeyLink();
    return new AlertSubject(
        r.tenantId(),
        r.responseId(),
        r.surveyId(),
        r.channel(),
        link.isEmpty() ? null : link.stageId(),
        link.isEmpty() ? null : link.touchpointId(),
        scores,
        texts,
        r.submitTime(),
        AlertSubject.CONTACT_CONSENT_YES.equals(r.context().metadata().get(AlertSubject.CONTACT_CONSENT_KEY)));
  }
}
