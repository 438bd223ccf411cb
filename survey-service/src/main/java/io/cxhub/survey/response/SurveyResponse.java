package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.survey.JourneyLink;
import java.time.Instant;
import java.util.List;

/**
 * A respondent's accepted answers to one version of a survey.
 *
 * @param idempotencyKey null when the client sent none
 * @param distributionId the distribution it came through; empty when submitted by survey id
 * @param payloadHash hash of what was submitted with an idempotency key, to tell a replay
 *     from a reuse of the key; null otherwise
 * @param journeyLink the journey stage and touchpoint the survey measured when the response
 *     was accepted, stamped on the response so that alert rules and filters on a stage or
 *     touchpoint apply to it; {@link JourneyLink#NONE} when the survey measures none
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
    Outbox outbox,
    String distributionId,
    RespondentContext context,
    String payloadHash,
    JourneyLink journeyLink) {

  public SurveyResponse {
    answers = List.copyOf(answers);
    distributionId = distributionId == null ? "" : distributionId;
    context = context == null ? RespondentContext.NONE : context;
    journeyLink = journeyLink == null ? JourneyLink.NONE : journeyLink;
  }

  /** A response whose survey measures no journey stage or touchpoint. */
  public SurveyResponse(
      String tenantId,
      String responseId,
      String surveyId,
      int surveyVersion,
      Channel channel,
      List<ResponseAnswer> answers,
      Instant submitTime,
      String idempotencyKey,
      Outbox outbox,
      String distributionId,
      RespondentContext context,
      String payloadHash) {
    this(tenantId, responseId, surveyId, surveyVersion, channel, answers, submitTime, idempotencyKey, outbox,
        distributionId, context, payloadHash, JourneyLink.NONE);
  }

  /** A response submitted by survey id: no distribution, no context, no payload hash. */
  public SurveyResponse(
      String tenantId,
      String responseId,
      String surveyId,
      int surveyVersion,
      Channel channel,
      List<ResponseAnswer> answers,
      Instant submitTime,
      String idempotencyKey,
      Outbox outbox) {
    this(tenantId, responseId, surveyId, surveyVersion, channel, answers, submitTime, idempotencyKey, outbox,
        "", RespondentContext.NONE, null, JourneyLink.NONE);
  }
}
