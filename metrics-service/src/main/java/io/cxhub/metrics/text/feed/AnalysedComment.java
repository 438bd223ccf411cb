package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.text.TextAnalysis;

/**
 * A comment with its analysis and the respondent's segment, persona and value tier when it
 * was analysed (empty for anonymous respondents, {@code unassigned} for customers without).
 */
public record AnalysedComment(Comment comment, TextAnalysis analysis, String segmentId, String personaId,
    String valueTier, long taxonomyVersion) {

  public AnalysedComment {
    segmentId = segmentId == null ? "" : segmentId;
    personaId = personaId == null ? "" : personaId;
    valueTier = valueTier == null ? "" : valueTier;
  }
}
