package io.cxhub.survey.respondent;

import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.ResponseAccepted;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.ResponseFeed;
import io.cxhub.survey.response.ResponseIds;
import io.cxhub.survey.response.ResponseSubmission;
import io.cxhub.survey.response.ResponseValidator;
import io.cxhub.survey.response.SubmittedAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.SurveyResponses;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a respondent's answers through a distribution token: rate limited, checked, stamped
 * with the distribution's channel, and stored with its pending outbox state in one
 * single-document write (the same invariant as {@code SubmitResponse}).
 *
 * <p>Idempotency: with a key, the response id is derived from (token, key) and the response
 * keeps a hash of what was submitted. A replay with the same payload returns the stored
 * response; the same key with another payload is refused (ALREADY_EXISTS). Keys live as long
 * as the response itself, so well beyond the 24 hours promised.
 */
public final class SubmitPublicResponse {

  private static final Logger log = LoggerFactory.getLogger(SubmitPublicResponse.class);

  public static final int MAX_METADATA_KEYS = 20;
  public static final int MAX_METADATA_KEY = 64;
  public static final int MAX_METADATA_VALUE = 500;
  public static final int MAX_ID = 128;
  public static final int MAX_LOCALE = 35;

  private final PublicSurveys publicSurveys;
  private final SurveyResponses responses;
  private final ResponseValidator validator;
  private final RateLimits rateLimits;
  private final ResponseAccepted accepted;
  private final Clock clock;
  private final ResponseFeed feed;

  public SubmitPublicResponse(
      PublicSurveys publicSurveys,
      SurveyResponses responses,
      ResponseValidator validator,
      RateLimits rateLimits,
      ResponseAccepted accepted,
      Clock clock,
      ResponseFeed feed) {
    this.feed = feed;
    this.publicSurveys = publicSurveys;
    this.responses = responses;
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.accepted = accepted;
    this.clock = clock;
  }

  /** @param clientAddress the respondent's address as the gateway saw it; empty when unknown */
  public SurveyResponse submit(PublicSubmission submission, String clientAddress) {
    // the address limit comes first: it also slows down anyone guessing tokens
    rateLimits.checkAddress(clientAddress);
    var opened = publicSurveys.open(submission.token());
    var distribution = opened.distribution();
    var survey = opened.survey();
    String tenantId = distribution.tenantId();

    String key = submission.idempotencyKey();
    String responseId;
    String payloadHash = null;
    if (!key.isEmpty()) {
      if (key.length() > ResponseValidator.MAX_IDEMPOTENCY_KEY) {
        throw InvalidInputException.of(
            "idempotency_key", "must be at most " + ResponseValidator.MAX_IDEMPOTENCY_KEY + " characters");
      }
      responseId = ResponseIds.fromIdempotencyKey("token:" + submission.token(), key);
      payloadHash = payloadHash(submission);
      var first = responses.find(tenantId, responseId);
      if (first.isPresent()) {
        return replay(first.get(), payloadHash);
      }
    } else {
      responseId = ResponseIds.random();
    }

    // a paused, expired or closed link says so before any per-link limit: retrying
    // later would not help, so "retry in N s" would mislead the respondent
    publicSurveys.requireCollecting(opened);
    rateLimits.checkToken(submission.token());
    List<ResponseAnswer> answers = validate(submission, opened);

    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var response = new SurveyResponse(
        tenantId,
        responseId,
        survey.id(),
        survey.version(),
        distribution.channel(),
        answers,
        now,
        key.isEmpty() ? null : key,
        Outbox.pending(now),
        distribution.id(),
        submission.context(),
        payloadHash,
        survey.journeyLink());
    if (!responses.insert(response)) {
      // a concurrent submission with the same key won
      return replay(responses.find(tenantId, responseId)
          .orElseThrow(() -> new IllegalStateException("response " + responseId + " vanished")), payloadHash);
    }
    log.info("response accepted tenant={} survey={} distribution={} channel={} response={}",
        tenantId, survey.id(), distribution.id(), distribution.channel(), responseId);
    try {
      accepted.accepted(tenantId);
    } catch (RuntimeException e) {
      log.warn("could not nudge the relay tenant={}", tenantId, e);
    }
    feed.publish(response);
    return response;
  }

  private static SurveyResponse replay(SurveyResponse first, String payloadHash) {
    if (first.payloadHash() != null && !first.payloadHash().equals(payloadHash)) {
      throw new AlreadyExistsException(
          "this Idempotency-Key was already used for a different response; use a new key for a new response");
    }
    return first;
  }

  private List<ResponseAnswer> validate(PublicSubmission submission, PublicSurveys.Opened opened) {
    var violations = new Violations();
    RespondentContext c = submission.context();
    violations.maxLength("context.customer_id", c.customerId(), MAX_ID);
    violations.maxLength("context.order_id", c.orderId(), MAX_ID);
    violations.maxLength("context.locale", c.locale(), MAX_LOCALE);
    if (c.metadata().size() > MAX_METADATA_KEYS) {
      violations.add("context.metadata", "must have at most " + MAX_METADATA_KEYS + " keys");
    }
    new TreeMap<>(c.metadata()).forEach((k, v) -> {
      if (k.isEmpty() || k.length() > MAX_METADATA_KEY) {
        violations.add("context.metadata[" + k + "]", "key must be 1 to " + MAX_METADATA_KEY + " characters");
      }
      violations.maxLength("context.metadata[" + k + "]", v, MAX_METADATA_VALUE);
    });
    var survey = opened.survey();
    try {
      List<ResponseAnswer> answers = validator.validate(survey, new ResponseSubmission(
          survey.id(), submission.answers(), opened.distribution().channel(), submission.idempotencyKey()));
      violations.throwIfAny();
      return answers;
    } catch (InvalidInputException e) {
      var all = new ArrayList<FieldViolation>(e.violations());
      all.addAll(violations.asList());
      throw new InvalidInputException(all);
    }
  }

  /** A digest of everything submitted, in a canonical order. */
  static String payloadHash(PublicSubmission s) {
    var parts = new ArrayList<String>();
    for (SubmittedAnswer a : s.answers()) {
      parts.add(a.questionId());
      AnswerValue v = a.value();
      parts.add(v == null ? "-" : v.toString());
    }
    RespondentContext c = s.context();
    parts.add(c.customerId());
    parts.add(c.orderId());
    parts.add(c.locale());
    new TreeMap<>(c.metadata()).forEach((k, v) -> {
      parts.add(k);
      parts.add(v);
    });
    return Ids.derived(parts.toArray(String[]::new));
  }
}
