package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.survey.survey.Survey;
import java.time.Clock;
import java.util.Set;
import java.time.Instant;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a response is accepted, whatever the route (a partner system by survey id, a
 * respondent through a distribution token): idempotency, validation, the single insert that
 * carries every outbox state, the nudge to the relay and the live-feed publish.
 *
 * <p>Idempotency is the same on every route: with a key, the response id is derived from
 * (the route's scope, key) and the response keeps a hash of what was submitted. A replay
 * with the same payload returns the response first accepted (unchanged, even if the survey
 * or the link has been closed since); the same key with another payload is refused with
 * {@link AlreadyExistsException} (409). A concurrent duplicate loses on the unique id and
 * is answered like a replay.
 */
public final class AcceptResponse {

  private static final Logger log = LoggerFactory.getLogger(AcceptResponse.class);

  public static final int MAX_METADATA_KEYS = 20;
  public static final int MAX_METADATA_KEY = 64;
  public static final int MAX_METADATA_VALUE = 500;
  public static final int MAX_ID = 128;
  public static final int MAX_LOCALE = 35;
  /** How far ahead of the server's clock a stated submit time may be (clock skew). */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  /** How old a stated submit time may be. */
  static final Duration MAX_AGE = Duration.ofDays(3653);
  /** An answer stated as older than this is imported history, not a live answer sent late. */
  static final Duration IMPORTED_AFTER = Duration.ofHours(24);

  private final SurveyResponses responses;
  private final ResponseValidator validator;
  private final ResponseAccepted accepted;
  private final Clock clock;
  private final ResponseFeed feed;
  private final Set<String> liveOnlySubscribers;

  public AcceptResponse(
      SurveyResponses responses, ResponseValidator validator, ResponseAccepted accepted, Clock clock, ResponseFeed feed) {
    this(responses, validator, accepted, clock, feed, Set.of());
  }

  /**
   * @param liveOnlySubscribers outbox subscribers that do not handle imported history (see
   *     {@link io.cxhub.survey.outbox.OutboxSubscriber#handlesImportedHistory()})
   */
  public AcceptResponse(SurveyResponses responses, ResponseValidator validator, ResponseAccepted accepted, Clock clock,
      ResponseFeed feed, Set<String> liveOnlySubscribers) {
    this.responses = responses;
    this.validator = validator;
    this.accepted = accepted;
    this.clock = clock;
    this.feed = feed;
    this.liveOnlySubscribers = Set.copyOf(liveOnlySubscribers);
  }

  /**
   * What a route hands over once it has resolved the survey (and so the tenant).
   *
   * @param idempotencyScope what the key is unique within: the survey id on the partner
   *     route, {@code token:<token>} on the public one
   * @param idempotencyKey null or empty when the client sent none
   * @param channel the recorded channel (the distribution's, or the partner's, LINK by default)
   * @param distributionId empty when submitted by survey id
   * @param submitTime when the respondent answered, for imported history (partner route);
   *     null for now
   * @param admission checks that only a new response must pass (the survey or link collects,
   *     per-link limits); a replay of an accepted response skips them
   */
  public record Request(
      Survey survey,
      String idempotencyScope,
      String idempotencyKey,
      List<SubmittedAnswer> answers,
      Channel channel,
      String distributionId,
      RespondentContext context,
      Instant submitTime,
      Runnable admission) {

    /** A response answered now. */
    public Request(Survey survey, String idempotencyScope, String idempotencyKey, List<SubmittedAnswer> answers,
        Channel channel, String distributionId, RespondentContext context, Runnable admission) {
      this(survey, idempotencyScope, idempotencyKey, answers, channel, distributionId, context, null, admission);
    }

    public Request {
      answers = List.copyOf(answers);
      idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
      channel = channel == null || channel == Channel.UNSPECIFIED ? Channel.LINK : channel;
      distributionId = distributionId == null ? "" : distributionId;
      context = context == null ? RespondentContext.NONE : context;
      admission = admission == null ? () -> {} : admission;
    }
  }

  public SurveyResponse accept(Request request) {
    Survey survey = request.survey();
    String tenantId = survey.tenantId();
    String key = request.idempotencyKey();
    String responseId;
    String payloadHash = null;
    if (!key.isEmpty()) {
      if (key.length() > ResponseValidator.MAX_IDEMPOTENCY_KEY) {
        throw InvalidInputException.of(
            "idempotency_key", "must be at most " + ResponseValidator.MAX_IDEMPOTENCY_KEY + " characters");
      }
      responseId = ResponseIds.fromIdempotencyKey(request.idempotencyScope(), key);
      payloadHash = payloadHash(request);
      var first = responses.find(tenantId, responseId);
      if (first.isPresent()) {
        return replay(first.get(), payloadHash);
      }
    } else {
      responseId = ResponseIds.random();
    }

    request.admission().run();
    List<ResponseAnswer> answers = validate(request);

    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant answered = request.submitTime() == null ? now : request.submitTime().truncatedTo(ChronoUnit.MILLIS);
    boolean imported = request.submitTime() != null && answered.isBefore(now.minus(IMPORTED_AFTER));
    var response = SurveyResponse.builder()
        .tenantId(tenantId)
        .responseId(responseId)
        .surveyId(survey.id())
        .surveyVersion(survey.version())
        .channel(request.channel())
        .answers(answers)
        .submitTime(answered)
        .idempotencyKey(key.isEmpty() ? null : key)
        .outbox(Outbox.pending(now, responses.outboxSubscribers(), imported ? liveOnlySubscribers : Set.of()))
        .distributionId(request.distributionId())
        .context(request.context())
        .payloadHash(payloadHash)
        .journeyLink(survey.journeyLink())
        .build();
    if (!responses.insert(response)) {
      // a concurrent submission with the same key won
      return replay(responses.find(tenantId, responseId)
          .orElseThrow(() -> new IllegalStateException("response " + responseId + " vanished")), payloadHash);
    }
    log.info("response accepted tenant={} survey={} distribution={} channel={} response={}",
        tenantId, survey.id(), request.distributionId(), request.channel(), responseId);
    try {
      accepted.accepted(tenantId);
    } catch (RuntimeException e) {
      // the response is stored and pending: the relay's periodic poll will pick it up
      log.warn("could not nudge the relay tenant={}", tenantId, e);
    }
    feed.publish(response);
    return response;
  }

  private static SurveyResponse replay(SurveyResponse first, String payloadHash) {
    // responses stored before payload hashes were kept on every route have none: a replay
    if (first.payloadHash() != null && !first.payloadHash().equals(payloadHash)) {
      throw new AlreadyExistsException(
          "this Idempotency-Key was already used for a different response; use a new key for a new response");
    }
    return first;
  }

  private List<ResponseAnswer> validate(Request request) {
    var violations = new Violations();
    if (request.submitTime() != null) {
      Instant now = clock.instant();
      if (request.submitTime().isAfter(now.plus(MAX_SKEW))) {
        violations.add("submit_time", "must not be in the future");
      } else if (request.submitTime().isBefore(now.minus(MAX_AGE))) {
        violations.add("submit_time", "must be at most 10 years ago");
      }
    }
    RespondentContext c = request.context();
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
    var survey = request.survey();
    List<ResponseAnswer> answers;
    try {
      answers = validator.validate(survey, new ResponseSubmission(
          survey.id(), request.answers(), request.channel(), request.idempotencyKey(), request.context()));
    } catch (InvalidInputException e) {
      var all = new ArrayList<FieldViolation>(e.violations());
      all.addAll(violations.asList());
      throw new InvalidInputException(all);
    }
    // outside the try: its own exception must not be caught above and its violations listed twice
    violations.throwIfAny();
    return answers;
  }

  /**
   * A digest of everything submitted, in a canonical order: the answers, the context, and
   * on a route where the client chooses it (no distribution), the channel.
   */
  static String payloadHash(Request request) {
    var parts = new ArrayList<String>();
    for (SubmittedAnswer a : request.answers()) {
      parts.add(a.questionId());
      AnswerValue v = a.value();
      parts.add(v == null ? "-" : v.toString());
    }
    RespondentContext c = request.context();
    parts.add(c.customerId());
    parts.add(c.orderId());
    parts.add(c.locale());
    new TreeMap<>(c.metadata()).forEach((k, v) -> {
      parts.add(k);
      parts.add(v);
    });
    if (request.distributionId().isEmpty()) {
      parts.add("channel");
      parts.add(request.channel().name());
    }
    if (request.submitTime() != null) {
      parts.add("submitTime");
      parts.add(request.submitTime().truncatedTo(ChronoUnit.MILLIS).toString());
    }
    return Ids.derived(parts.toArray(String[]::new));
  }
}
