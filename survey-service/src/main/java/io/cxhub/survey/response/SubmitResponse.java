package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.Surveys;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a respondent's answers. The call is public: the survey id (unguessable) designates
 * the survey and so the tenant. The response and its pending outbox state are stored in one
 * single-document write; the relay is then nudged but never waited for.
 *
 * <p>Idempotency: with a key, the response id is derived from (survey id, key), so a replay
 * finds the response first accepted (returned unchanged, even if the survey has been closed
 * since) and a concurrent duplicate loses on the unique {@code _id}.
 */
public final class SubmitResponse {

  private static final Logger log = LoggerFactory.getLogger(SubmitResponse.class);

  private final Surveys surveys;
  private final SurveyResponses responses;
  private final ResponseValidator validator;
  private final ResponseAccepted accepted;
  private final Clock clock;
  private final ResponseFeed feed;

  public SubmitResponse(
      Surveys surveys,
      SurveyResponses responses,
      ResponseValidator validator,
      ResponseAccepted accepted,
      Clock clock) {
    this(surveys, responses, validator, accepted, clock, new ResponseFeed());
  }

  public SubmitResponse(
      Surveys surveys,
      SurveyResponses responses,
      ResponseValidator validator,
      ResponseAccepted accepted,
      Clock clock,
      ResponseFeed feed) {
    this.feed = feed;
    this.surveys = surveys;
    this.responses = responses;
    this.validator = validator;
    this.accepted = accepted;
    this.clock = clock;
  }

  /**
   * @param callerTenant the tenant the call carries, if any: a tenant-scoped caller may only
   *     answer its own surveys, and another tenant's survey looks missing to it
   */
  public SurveyResponse submit(Optional<String> callerTenant, ResponseSubmission submission) {
    String surveyId = submission.surveyId();
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    Survey survey = surveys.findForRespondent(surveyId)
        .filter(s -> callerTenant.map(t -> t.equals(s.tenantId())).orElse(true))
        .orElseThrow(() -> new NotFoundException("survey", surveyId));
    String tenantId = survey.tenantId();

    String responseId;
    if (submission.hasIdempotencyKey()) {
      String key = submission.idempotencyKey();
      if (key.length() > ResponseValidator.MAX_IDEMPOTENCY_KEY) {
        throw InvalidInputException.of(
            "idempotency_key", "must be at most " + ResponseValidator.MAX_IDEMPOTENCY_KEY + " characters");
      }
      responseId = ResponseIds.fromIdempotencyKey(surveyId, key);
      var first = responses.find(tenantId, responseId);
      if (first.isPresent()) {
        return first.get();
      }
    } else {
      responseId = ResponseIds.random();
    }

    if (!survey.acceptsResponses()) {
      throw new PreconditionFailedException("survey '" + surveyId + "' does not accept responses: it is " + survey.state());
    }
    List<ResponseAnswer> answers = validator.validate(survey, submission);

    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var response = new SurveyResponse(
        tenantId,
        responseId,
        surveyId,
        survey.version(),
        recordedChannel(submission.channel()),
        answers,
        now,
        submission.hasIdempotencyKey() ? submission.idempotencyKey() : null,
        Outbox.pending(now),
        "",
        RespondentContext.NONE,
        null,
        survey.journeyLink());
    if (!responses.insert(response)) {
      // a concurrent submission with the same key won; answer with what it stored
      return responses.find(tenantId, responseId)
          .orElseThrow(() -> new IllegalStateException("response " + responseId + " vanished"));
    }
    log.info("response accepted tenant={} survey={} response={}", tenantId, surveyId, responseId);
    try {
      accepted.accepted(tenantId);
    } catch (RuntimeException e) {
      // the response is stored and pending: the relay's periodic poll will pick it up
      log.warn("could not nudge the relay tenant={}", tenantId, e);
    }
    feed.publish(response);
    return response;
  }

  /** A response whose channel was not given arrived through a survey link. */
  private static Channel recordedChannel(Channel given) {
    return given == null || given == Channel.UNSPECIFIED ? Channel.LINK : given;
  }
}
