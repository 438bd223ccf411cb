package io.cxhub.metrics.ingest;

import java.time.Instant;
import java.util.List;

/** An accepted response as relayed by survey-service. */
public record RecordedResponse(
    String responseId,
    String surveyId,
    int surveyVersion,
    String channel,
    Instant submitTime,
    List<ScoredAnswer> answers) {

  public RecordedResponse {
    answers = List.copyOf(answers);
  }
}
