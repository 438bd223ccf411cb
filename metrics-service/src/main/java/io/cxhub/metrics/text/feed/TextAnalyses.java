package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.text.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of the analysed comments (the verbatims), one per tenant, response and question. */
public interface TextAnalyses {

  /** Stores the analysis unless that comment was analysed already; true when stored. */
  boolean insertIfAbsent(AnalysedComment analysed);

  /** Replaces the analysis of a comment already stored (re-analysis with a new taxonomy). */
  void replace(AnalysedComment analysed);

  /** Filters of a verbatim search; empty strings and nulls mean "any". */
  record Filter(Instant from, Instant to, String themeId, Sentiment sentiment, String keyword, String surveyId,
      String stageId, String touchpointId, String channel, String segmentId, String personaId, String valueTier) {}

  /** Position after which a page starts: the last verbatim of the previous page. */
  record After(Instant submitTime, String id) {}

  /** The tenant's verbatims matching the filter, newest first, after a position. */
  List<AnalysedComment> find(String tenantId, Filter filter, Optional<After> after, int limit);

  /**
   * The tenant's newest comments (at most {@code limit}) over [from, to) that mention the
   * theme and were written for one of the stages or one of the touchpoints.
   */
  List<AnalysedComment> mentioning(String tenantId, String themeId, java.util.Collection<String> stageIds,
      java.util.Collection<String> touchpointIds, Instant from, Instant to, int limit);

  /** Every comment of the tenant, in id order after {@code afterId}, for re-analysis. */
  List<Comment> comments(String tenantId, String afterId, int limit);

  long count(String tenantId);

  /** The analysed comments of one response of the tenant, by question id. */
  List<AnalysedComment> ofResponse(String tenantId, String responseId);

  /** The analysed comment with this id ({@link Comment#id()}). */
  Optional<AnalysedComment> get(String id);
}
