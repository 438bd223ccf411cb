package io.cxhub.metrics.text;

import java.util.List;

/**
 * A theme found in a text, with the sentiment of the clauses that mention it and the spans
 * of the words that matched (the evidence a user sees).
 */
public record ThemeMention(String themeId, Sentiment sentiment, double score, List<Span> evidence) {
  public ThemeMention {
    evidence = List.copyOf(evidence);
  }
}
