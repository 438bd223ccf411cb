package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.text.TextAnalysis;

/** A comment with its analysis and the respondent's segment and persona. */
public record AnalysedComment(Comment comment, TextAnalysis analysis, String segmentId, String personaId, long taxonomyVersion) {}
