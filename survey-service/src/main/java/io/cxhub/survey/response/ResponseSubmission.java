package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A response as a partner system submits it by survey id.
 *
 * @param channel null or {@link Channel#UNSPECIFIED} when not given (the response is then
 *     recorded as {@link Channel#LINK})
 * @param idempotencyKey null or empty when the client did not send one
 * @param context who answered and about what; {@link RespondentContext#NONE} when not given
 * @param submitTime when the respondent answered, for imported history; null for now
 */
public record ResponseSubmission(
    String surveyId, List<SubmittedAnswer> answers, Channel channel, String idempotencyKey, RespondentContext context,
    Instant submitTime) {

  public ResponseSubmission {
    answers = List.copyOf(answers);
    context = context == null ? RespondentContext.NONE : context;
  }

  /** A response answered now. */
  public ResponseSubmission(
      String surveyId, List<SubmittedAnswer> answers, Channel channel, String idempotencyKey, RespondentContext context) {
    this(surveyId, answers, channel, idempotencyKey, context, null);
  }

  public boolean hasIdempotencyKey() {
    return idempotencyKey != null && !idempotencyKey.isEmpty();
  }
}
