package io.cxhub.metrics.ingest;

import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a batch of responses relayed by survey-service: validates it, resolves each
 * respondent's segment and persona (stored with the response, so a retry never moves it to
 * another slice), and hands it to the {@link ExactlyOnceAggregator}, which counts each
 * response id once in the score cubes whatever the retries, crashes and concurrent
 * duplicates.
 */
public final class RecordResponses {

  public static final int MAX_BATCH = 500;
  public static final String SOURCE = "responses";
  static final int MAX_ID = 128;

  private final ExactlyOnceAggregator<RecordedResponse> aggregator;
  private final Segments segments;

  public RecordResponses(ExactlyOnceAggregator<RecordedResponse> aggregator, Segments segments) {
    this.aggregator = aggregator;
    this.segments = segments;
  }

  public RecordOutcome record(String tenantId, List<RecordedResponse> batch) {
    validate(batch);
    var outcome = aggregator.record(tenantId, withProfiles(tenantId, batch));
    return new RecordOutcome(outcome.recordedIds(), outcome.applied(), outcome.duplicates());
  }

  /** Each response with its respondent's profile, resolved in one lookup for the batch. */
  private List<RecordedResponse> withProfiles(String tenantId, List<RecordedResponse> responses) {
    var profiles = segments.profilesOf(tenantId, responses.stream().map(RecordedResponse::customerId).toList());
    return responses.stream().map(r -> r.withProfile(profiles.apply(r.customerId()))).toList();
  }

  private static void validate(List<RecordedResponse> batch) {
    var violations = new Violations();
    if (batch.size() > MAX_BATCH) {
      violations.add("responses", "must contain at most " + MAX_BATCH + " responses");
      violations.throwIfAny();
    }
    for (int i = 0; i < batch.size(); i++) {
      String path = "responses[" + i + "]";
      RecordedResponse r = batch.get(i);
      violations.requireText(path + ".response_id", r.responseId(), MAX_ID);
      violations.requireText(path + ".survey_id", r.surveyId(), MAX_ID);
      violations.check(r.submitTime() != null, path + ".submit_time", "is required");
      violations.maxLength(path + ".customer_id", r.customerId(), MAX_ID);
      violations.maxLength(path + ".stage_id", r.stageId(), MAX_ID);
      violations.maxLength(path + ".touchpoint_id", r.touchpointId(), MAX_ID);
      Map<String, Integer> seen = new HashMap<>();
      for (int j = 0; j < r.answers().size(); j++) {
        validateAnswer(r.answers().get(j), path + ".answers[" + j + "]", j, seen, violations);
      }
    }
    violations.throwIfAny();
  }

  private static void validateAnswer(
      ScoredAnswer a, String path, int index, Map<String, Integer> seen, Violations violations) {
    violations.requireText(path + ".question_id", a.questionId(), MAX_ID);
    if (a.questionId() != null && !a.questionId().isEmpty()) {
      Integer earlier = seen.putIfAbsent(a.questionId(), index);
      if (earlier != null) {
        violations.add(path + ".question_id", "answers the same question as answers[" + earlier + "]");
      }
    }
    if (a.kind() == null) {
      violations.add(path + ".kind", "must be a scored kind: " + java.util.Arrays.toString(AnswerKind.values()));
      return;
    }
    if (a.kind() == AnswerKind.NPS && (a.scaleMin() != 0 || a.scaleMax() != 10)) {
      violations.add(path + ".scale_max", "NPS answers are on the 0 to 10 scale");
      return;
    }
    if (a.scaleMin() < 0 || a.scaleMax() > 10 || a.scaleMin() >= a.scaleMax()) {
      violations.add(path + ".scale_max", "the scale must lie within 0 to 10, lowest below highest");
      return;
    }
    if (a.score() < a.scaleMin() || a.score() > a.scaleMax()) {
      violations.add(path + ".score", "must be between " + a.scaleMin() + " and " + a.scaleMax());
    }
  }
}
