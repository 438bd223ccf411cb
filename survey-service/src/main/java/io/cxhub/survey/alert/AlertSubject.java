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
    Instant submitTime) {

  /** @param nps whether the question is an NPS (0–10) question */
  public record Score(String questionId, boolean nps, int value) {}

  public AlertSubject {
    scores = List.copyOf(scores);
    texts = List.copyOf(texts);
  }
}
