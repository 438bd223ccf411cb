package io.cxhub.metrics.text;

import java.util.List;

/**
 * The analysis of one text: language, overall sentiment with a score in [-1, 1], themes with
 * evidence and the keywords. {@code sentimentSpans} are the words that carried the sentiment.
 */
public record TextAnalysis(
    Language language,
    Sentiment sentiment,
    double score,
    List<ThemeMention> themes,
    List<Keyword> keywords,
    List<Span> sentimentSpans) {

  public TextAnalysis {
    themes = List.copyOf(themes);
    keywords = List.copyOf(keywords);
    sentimentSpans = List.copyOf(sentimentSpans);
  }

  public boolean mentions(String themeId) {
    return themes.stream().anyMatch(t -> t.themeId().equals(themeId));
  }
}
