package io.cxhub.survey.alert;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What text analytics reads in one free-text answer, as far as alert rules test it.
 *
 * @param sentiment the answer's overall sentiment; null when the analyser read none (empty
 *     text, other language)
 * @param themes the ids of the tenant's taxonomy themes the answer mentions, each with the
 *     sentiment of the clauses that mention it ("great product but the parcel was late":
 *     overall MIXED, delivery NEGATIVE); a null value when that sentiment is unknown
 */
public record CommentAnalysis(CommentSentiment sentiment, Map<String, CommentSentiment> themes) {

  public CommentAnalysis {
    themes = themes == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(themes));
  }
}
