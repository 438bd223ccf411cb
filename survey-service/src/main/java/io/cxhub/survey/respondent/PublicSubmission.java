package io.cxhub.survey.respondent;

import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.SubmittedAnswer;
import java.util.List;

/**
 * A response as a respondent submits it through a distribution token.
 *
 * @param idempotencyKey empty when none was sent
 */
public record PublicSubmission(
    String token, List<SubmittedAnswer> answers, RespondentContext context, String idempotencyKey) {

  public PublicSubmission {
    answers = List.copyOf(answers);
    context = context == null ? RespondentContext.NONE : context;
    idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
  }
}
