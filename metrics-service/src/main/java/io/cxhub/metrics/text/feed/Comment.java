package io.cxhub.metrics.text.feed;

import java.time.Instant;

/**
 * A free-text answer waiting for analysis, with what the aggregates slice it by and the
 * scores of the same response (for the impact of a theme on NPS and CSAT).
 *
 * @param nps the response's NPS answer (0-10), or -1 without one
 * @param csatSatisfied 1 when the response's CSAT answer is in the top two of its scale, 0
 *     when not, -1 without one
 */
public record Comment(
    String tenantId,
    String responseId,
    String questionId,
    String surveyId,
    String channel,
    String stageId,
    String touchpointId,
    String customerId,
    Instant submitTime,
    String text,
    int nps,
    int csatSatisfied) {

  /** Unique per tenant: one response answers a question once. */
  public String id() {
    return tenantId + ":" + responseId + ":" + questionId;
  }
}
