package io.cxhub.survey.respondent;

import io.cxhub.survey.response.AcceptResponse;
import io.cxhub.survey.response.SurveyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a respondent's answers through a distribution or invitation token: rate limited,
 * the link must collect, and the response is stamped with the channel (and, through an
 * invitation, the customer id), which then records the invitation as responded. Idempotency,
 * validation, the single insert with its outbox states and the live feed are
 * {@link AcceptResponse}, shared with the survey-id route; the key is scoped to the token.
 */
public final class SubmitPublicResponse {

  private static final Logger log = LoggerFactory.getLogger(SubmitPublicResponse.class);

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
    var response = accept.accept(new AcceptResponse.Request(
        opened.survey(),
        "token:" + submission.token(),
        submission.idempotencyKey(),
        submission.answers(),
        opened.channel(),
        distribution.id(),
        opened.context(submission.context()),
        () -> {
          // a paused, expired or closed link says so before any per-link limit: retrying
          // later would not help, so "retry in N s" would mislead the respondent
          publicSurveys.requireCollecting(opened);
          rateLimits.checkToken(submission.token());
        }));
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
