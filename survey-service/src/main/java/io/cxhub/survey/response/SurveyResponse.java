package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A respondent's accepted answers to one version of a survey.
 *
 * @param idempotencyKey null when the client sent none
 */
public record SurveyResponse(
    String tenantId,
    String responseId,
    String surveyId,
    int surveyVersion,
    Channel channel,
    List<ResponseAnswer> answers,
    Instant submitTime,
    String idempotencyKey,
    Outbox outbox) {

  public SurveyResponse {
    answers = List.copyOf(answers);
  }
}
