package io.cxhub.survey.alert;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.List;

/**
 * The facts of an accepted response that rules are evaluated on.
 *
 * @param stageId null when the response is not linked to a journey stage
 * @param touchpointId null when not linked to a touchpoint
 * @param scores scored answers in question order
 * @param texts free-text answers
 * @param contactConsent the respondent agreed to be contacted about this response (the
 *     hosted page's check box, {@code context.metadata.contact_consent = "yes"})
 */
public record AlertSubject(
    String tenantId,
    String responseId,
    String surveyId,
    Channel channel,
    String stageId,
    String touchpointId,
    List<Score> scores,
    List<String> texts,
    Instant submitTime,
    boolean contactConsent) {

  /** The metadata key and value by which a response says its respondent agreed to be contacted. */
  public static final String CONTACT_CONSENT_KEY = "contact_consent";
  public static final String CONTACT_CONSENT_YES = "yes";

  /** A subject whose respondent did not say they agree to be contacted. */
  public AlertSubject(String tenantId, String responseId, String surveyId, Channel channel, String stageId,
      String touchpointId, List<Score> scores, List<String> texts, Instant submitTime) {
    this(tenantId, responseId, surveyId, channel, stageId, touchpointId, scores, texts, submitTime, false);
  }

  /** @param nps whether the question is an NPS (0–10) question */
  public record Score(String questionId, boolean nps, int value) {}

  public AlertSubject {
    scores = List.copyOf(scores);
    texts = List.copyOf(texts);
  }
}
