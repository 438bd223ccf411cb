package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.LedgerItem;
import java.time.Instant;
import java.util.List;

/**
 * An accepted response as relayed by survey-service.
 *
 * @param customerId the respondent's customer id; empty when anonymous
 * @param stageId the journey stage the survey measures; empty when none
 * @param touchpointId the touchpoint the survey measures; empty when none
 * @param profile the respondent's segment and persona as resolved when the response was
 *     first recorded: {@link Profile#NONE} for an anonymous response,
 *     {@link Profile#UNASSIGNED} when it could not be resolved. Stored with the response, so
 *     every retry and the recount use the same one
 */
public record RecordedResponse(
    String responseId,
    String surveyId,
    int surveyVersion,
    String channel,
    Instant submitTime,
    List<ScoredAnswer> answers,
    String customerId,
    String stageId,
    String touchpointId,
    Profile profile) implements LedgerItem {

  public RecordedResponse {
    answers = List.copyOf(answers);
    customerId = customerId == null ? "" : customerId;
    stageId = stageId == null ? "" : stageId;
    touchpointId = touchpointId == null ? "" : touchpointId;
    profile = profile == null ? Profile.NONE : profile;
  }

  /** An anonymous response outside any journey. */
  public RecordedResponse(
      String responseId, String surveyId, int surveyVersion, String channel, Instant submitTime, List<ScoredAnswer> answers) {
    this(responseId, surveyId, surveyVersion, channel, submitTime, answers, "", "", "", Profile.NONE);
  }

  @Override
  public String itemId() {
    return responseId;
  }

  RecordedResponse withProfile(Profile resolved) {
    return new RecordedResponse(
        responseId, surveyId, surveyVersion, channel, submitTime, answers, customerId, stageId, touchpointId, resolved);
  }
}
