package io.cxhub.metrics.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An accepted response as relayed by survey-service.
 *
 * @param customerId the respondent's customer id; empty when anonymous
 * @param segment the respondent's segment as resolved when the response was first recorded:
 *     empty for an anonymous response, {@link Segments#UNASSIGNED} when it could not be
 *     resolved. Stored with the response, so every retry and the recount use the same one
 */
public record RecordedResponse(
    String responseId,
    String surveyId,
    int surveyVersion,
    String channel,
    Instant submitTime,
    List<ScoredAnswer> answers,
    String customerId,
    String segment) {

  public RecordedResponse {
    answers = List.copyOf(answers);
    customerId = customerId == null ? "" : customerId;
    segment = segment == null ? "" : segment;
  }

  /** An anonymous response (no customer, no segment). */
  public RecordedResponse(
      String responseId, String surveyId, int surveyVersion, String channel, Instant submitTime, List<ScoredAnswer> answers) {
    this(responseId, surveyId, surveyVersion, channel, submitTime, answers, "", "");
  }

  RecordedResponse withSegment(String resolved) {
    return new RecordedResponse(responseId, surveyId, surveyVersion, channel, submitTime, answers, customerId, resolved);
  }
}
