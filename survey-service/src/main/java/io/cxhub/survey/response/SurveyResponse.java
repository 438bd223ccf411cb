package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.survey.JourneyLink;
import java.time.Instant;
import java.util.List;

/**
 * A respondent's accepted answers to one version of a survey.
 *
 * @param idempotencyKey null when the client sent none
 * @param distributionId the distribution it came through; empty when submitted by survey id
 * @param payloadHash hash of what was submitted with an idempotency key, to tell a replay
 *     from a reuse of the key; null otherwise
 * @param journeyLink the journey stage and touchpoint the survey measured when the response
 *     was accepted, stamped on the response so that alert rules and filters on a stage or
 *     touchpoint apply to it; {@link JourneyLink#NONE} when the survey measures none
 * @param traceParent the W3C {@code traceparent} of the request that submitted it, stored
 *     so that delivering it later continues that trace; empty when it was not traced
 */
public record SurveyResponse(
    String tenantId,
    String responseId,
    String surveyId,
    int surveyVersion,
    Channel channel,
    List<ResponseAnswer> answers,
    Instant submitTime,
    String idempotencyKey,
    Outbox outbox,
    String distributionId,
    RespondentContext context,
    String payloadHash,
    JourneyLink journeyLink,
    String traceParent) {

  public SurveyResponse {
    traceParent = traceParent == null ? "" : traceParent;
    answers = List.copyOf(answers);
    distributionId = distributionId == null ? "" : distributionId;
    context = context == null ? RespondentContext.NONE : context;
    journeyLink = journeyLink == null ? JourneyLink.NONE : journeyLink;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The category of its first NPS score, or null when it has none (what the NPS filter reads). */
  public io.cxhub.kit.domain.NpsCategory npsCategory() {
    return answers.stream()
        .filter(a -> a.kind() == io.cxhub.survey.survey.QuestionKind.NPS && a.value() instanceof AnswerValue.Score)
        .map(a -> io.cxhub.kit.domain.NpsCategory.of(((AnswerValue.Score) a.value()).value()))
        .findFirst()
        .orElse(null);
  }

  /** Whether it has a non-blank free-text answer (what the comment filter reads). */
  public boolean hasComment() {
    return answers.stream().anyMatch(a -> a.value() instanceof AnswerValue.Text t && !t.value().isBlank());
  }

  /** A builder holding this response's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .tenantId(tenantId)
        .responseId(responseId)
        .surveyId(surveyId)
        .surveyVersion(surveyVersion)
        .channel(channel)
        .answers(answers)
        .submitTime(submitTime)
        .idempotencyKey(idempotencyKey)
        .outbox(outbox)
        .distributionId(distributionId)
        .context(context)
        .payloadHash(payloadHash)
        .journeyLink(journeyLink)
        .traceParent(traceParent);
  }

  /**
   * Builds a response by naming its parts. Defaults: version 1, channel LINK, no answers,
   * no idempotency key, no distribution, no context, no payload hash, no journey link, no
   * outbox state.
   */
  public static final class Builder {
    private String tenantId;
    private String responseId;
    private String surveyId;
    private int surveyVersion = 1;
    private Channel channel = Channel.LINK;
    private List<ResponseAnswer> answers = List.of();
    private Instant submitTime;
    private String idempotencyKey;
    private Outbox outbox;
    private String distributionId = "";
    private RespondentContext context = RespondentContext.NONE;
    private String payloadHash;
    private JourneyLink journeyLink = JourneyLink.NONE;
    private String traceParent = "";

    private Builder() {}

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder responseId(String responseId) {
      this.responseId = responseId;
      return this;
    }

    public Builder surveyId(String surveyId) {
      this.surveyId = surveyId;
      return this;
    }

    public Builder surveyVersion(int surveyVersion) {
      this.surveyVersion = surveyVersion;
      return this;
    }

    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    public Builder answers(List<ResponseAnswer> answers) {
      this.answers = answers;
      return this;
    }

    public Builder submitTime(Instant submitTime) {
      this.submitTime = submitTime;
      return this;
    }

    /** @param idempotencyKey null when the client sent none */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public Builder outbox(Outbox outbox) {
      this.outbox = outbox;
      return this;
    }

    public Builder distributionId(String distributionId) {
      this.distributionId = distributionId;
      return this;
    }

    public Builder context(RespondentContext context) {
      this.context = context;
      return this;
    }

    public Builder payloadHash(String payloadHash) {
      this.payloadHash = payloadHash;
      return this;
    }

    public Builder journeyLink(JourneyLink journeyLink) {
      this.journeyLink = journeyLink;
      return this;
    }

    /** @param traceParent a W3C {@code traceparent}; null or empty when untraced */
    public Builder traceParent(String traceParent) {
      this.traceParent = traceParent;
      return this;
    }

    public SurveyResponse build() {
      java.util.Objects.requireNonNull(tenantId, "tenantId");
      java.util.Objects.requireNonNull(responseId, "responseId");
      java.util.Objects.requireNonNull(surveyId, "surveyId");
      java.util.Objects.requireNonNull(submitTime, "submitTime");
      return new SurveyResponse(tenantId, responseId, surveyId, surveyVersion, channel, answers, submitTime,
          idempotencyKey, outbox == null ? Outbox.NONE : outbox, distributionId, context, payloadHash,
          journeyLink, traceParent);
    }
  }
}
