package io.cxhub.journey.insight;

import java.util.List;
import java.util.Map;

/**
 * Response-level feedback (survey-service): sample verbatims, and response samples for a
 * key-driver analysis. Reads are best effort for verbatims (empty when unavailable).
 */
public interface Feedback {

  /**
   * Up to {@code limit} recent detractor comments at a stage or touchpoint over the period;
   * empty when survey-service cannot answer.
   */
  List<Verbatim> detractorComments(String tenantId, String stageId, String touchpointId, DayRange period, int limit);

  /**
   * The distinct customer ids of the detractors at a stage or touchpoint over the period,
   * read from up to {@code maxResponses} of their most recent responses.
   *
   * @throws Indicators.IndicatorsUnavailableException when survey-service cannot answer
   */
  DetractorCustomers detractorCustomers(String tenantId, String stageId, String touchpointId, DayRange period,
      int maxResponses);

  /** Detractors' customer ids, the responses read, and whether more responses were left unread. */
  record DetractorCustomers(java.util.Set<String> customerIds, long responses, boolean truncated) {}

  /**
   * The scored answers of up to {@code limit} of the survey's most recent responses over
   * the period, one map (question id → score) per response, and the survey's questions.
   *
   * @throws Indicators.IndicatorsUnavailableException when survey-service cannot answer
   */
  ResponseSample sample(String tenantId, String surveyId, DayRange period, int limit);

  /** A detractor's comment. */
  record Verbatim(String responseId, String surveyId, int score, String text) {}

  /** The scored questions of a survey (id → kind name, e.g. NPS, RATING) and a sample of its responses. */
  record ResponseSample(Map<String, String> questionKinds, Map<String, int[]> scales, List<Map<String, Integer>> responses) {}
}
