package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import java.util.List;

/**
 * A response as a respondent submits it.
 *
 * @param channel null or {@link Channel#UNSPECIFIED} when not given (the response is then
 *     recorded as {@link Channel#LINK})
 * @param idempotencyKey null or empty when the client did not send one
 */
public record ResponseSubmission(
    String surveyId, List<SubmittedAnswer> answers, Channel channel, String idempotencyKey) {

  public ResponseSubmission {
    answers = List.copyOf(answers);
  }

  public boolean hasIdempotencyKey() {
    return idempotencyKey != null && !idempotencyKey.isEmpty();
  }
}
