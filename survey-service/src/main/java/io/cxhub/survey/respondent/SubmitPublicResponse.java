package io.cxhub.survey.respondent;

import io.cxhub.survey.response.AcceptResponse;
import io.cxhub.survey.response.SurveyResponse;

/**
 * Accepts a respondent's answers through a distribution token: rate limited, the link must
 * collect, and the response is stamped with the distribution's channel. Idempotency,
 * validation, the single insert with its outbox states and the live feed are
 * {@link AcceptResponse}, shared with the survey-id route; the key is scoped to the token.
 */
public final class SubmitPublicResponse {

  private final PublicSurveys publicSurveys;
  private final RateLimits rateLimits;
  private final AcceptResponse accept;

  public SubmitPublicResponse(PublicSurveys publicSurveys, RateLimits rateLimits, AcceptResponse accept) {
    this.publicSurveys = publicSurveys;
    this.rateLimits = rateLimits;
    this.accept = accept;
  }

  /** @param clientAddress the respondent's address as the gateway saw it; empty when unknown */
  public SurveyResponse submit(PublicSubmission submission, String clientAddress) {
    // the address limit comes first: it also slows down anyone guessing tokens
    rateLimits.checkAddress(clientAddress);
    var opened = publicSurveys.open(submission.token());
    var distribution = opened.distribution();
    return accept.accept(new AcceptResponse.Request(
        opened.survey(),
        "token:" + submission.token(),
        submission.idempotencyKey(),
        submission.answers(),
        distribution.channel(),
        distribution.id(),
        submission.context(),
        () -> {
          // a paused, expired or closed link says so before any per-link limit: retrying
          // later would not help, so "retry in N s" would mislead the respondent
          publicSurveys.requireCollecting(opened);
          rateLimits.checkToken(submission.token());
        }));
  }
}
