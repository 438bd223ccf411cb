package io.cxhub.survey.respondent;

import io.cxhub.survey.response.AcceptResponse;
import io.cxhub.survey.response.SurveyResponse;

/**
 * Accepts a respondent's answers through a distribution token: the link must collect, and the response is stamped with the distribution's channel. Idempotency,
 * validation, the single insert with its outbox states and the live feed are
 * {@link AcceptResponse}, shared with the survey-id route; the key is scoped to the token.
 */
public final class SubmitPublicResponse {

  private final PublicSurveys publicSurveys;
  private final AcceptResponse accept;

  public SubmitPublicResponse(PublicSurveys publicSurveys, AcceptResponse accept) {
    this.publicSurveys = publicSurveys;
    this.accept = accept;
  }

  /**
   * Rate limits are the gateway's (per address and link, per link, per address): the one
   * mechanism, in front of every route.
   */
  public SurveyResponse submit(PublicSubmission submission) {
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
        () -> publicSurveys.requireCollecting(opened)));
  }
}
