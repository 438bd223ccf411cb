package io.cxhub.survey.response;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.Surveys;

/**
 * Accepts answers a partner system submits by survey id, for the tenant of its API key;
 * everything else (idempotency, validation, the single insert with the outbox
 * states, the live feed) is {@link AcceptResponse}, shared with the public token route.
 */
public final class SubmitResponse {

  private final Surveys surveys;
  private final AcceptResponse accept;

  public SubmitResponse(Surveys surveys, AcceptResponse accept) {
    this.surveys = surveys;
    this.accept = accept;
  }

  /**
   * @param tenantId the caller's tenant: it may only answer its own surveys, and another
   *     tenant's survey looks missing to it
   */
  public SurveyResponse submit(String tenantId, ResponseSubmission submission) {
    String surveyId = submission.surveyId();
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    Survey survey = surveys.find(tenantId, surveyId)
        .orElseThrow(() -> new NotFoundException("survey", surveyId));
    return accept.accept(new AcceptResponse.Request(
        survey,
        surveyId,
        submission.idempotencyKey(),
        submission.answers(),
        submission.channel(),
        "",
        submission.context(),
        submission.submitTime(),
        () -> {
          if (!survey.acceptsResponses()) {
            throw new PreconditionFailedException(
                "survey '" + surveyId + "' does not accept responses: it is " + survey.state());
          }
        }));
  }
}
