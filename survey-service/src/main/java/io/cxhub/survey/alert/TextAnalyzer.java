package io.cxhub.survey.alert;

import java.util.Set;

/**
 * Analyses a free-text answer for the rules that test sentiment or themes (metrics-service
 * owns text analytics; the gRPC adapter calls it). Throws when it cannot answer, so that the
 * response stays pending and its rules are evaluated again later, rather than a rule being
 * silently skipped.
 */
public interface TextAnalyzer {

  CommentAnalysis analyze(String tenantId, String text);

  /** The theme ids of the tenant's taxonomy (to refuse a rule naming a theme that does not exist). */
  Set<String> themeIds(String tenantId);
}
