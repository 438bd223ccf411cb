package io.cxhub.survey.respondent;

import io.cxhub.survey.response.AcceptResponse;
import io.cxhub.survey.response.SurveyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a respondent's answers through a distribution or invitation token: the link must
 * collect, and the response is stamped with the channel (and, through an invitation, the
 * customer id), which then records the invitation as responded. Idempotency,
 * validation, the single insert with its outbox states and the live feed are
 * {@link AcceptResponse}, shared with the survey-id route; the key is scoped to the token.
 */
public final class SubmitPublicResponse {

  private static final Logger log = LoggerFactory.getLogger(SubmitPublicResponse.class);

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
    var response = accept.accept(new AcceptResponse.Request(
        opened.survey(),
        "token:" + submission.token(),
        submission.idempotencyKey(),
        submission.answers(),
        opened.channel(),
        distribution.id(),
        opened.context(submission.context()),
        () -> publicSurveys.requireCollecting(opened)));
    try {
      publicSurveys.responded(opened, response.responseId(), response.submitTime());
    } catch (RuntimeException e) {
      // the response is stored; the invitation misses its responded mark (and may get its reminder)
      log.warn("could not mark the invitation responded tenant={} response={}",
          response.tenantId(), response.responseId(), e);
    }
    return response;
  }
}
