package io.cxhub.metrics.score;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Read port: the pre-aggregated buckets of one kind. Never reads raw responses. */
public interface ScoreBuckets {

  /**
   * Every bucket of the tenant with answers of {@code kind}, restricted to {@code surveyIds}
   * unless that is empty.
   */
  List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, Set<String> surveyIds);

  /** One bucket: its slice and its answers. */
  record ScoreBucket(
      String surveyId,
      String questionId,
      LocalDate day,
      String channel,
      String stage,
      String touchpoint,
      String segment,
      Distribution distribution) {

    String value(Dimension dimension, Granularity granularity) {
      return switch (dimension) {
        case PERIOD -> granularity.periodStart(day).toString();
        case CHANNEL -> channel;
        case SURVEY -> surveyId;
        case QUESTION -> questionId;
        case STAGE -> stage;
        case TOUCHPOINT -> touchpoint;
        case SEGMENT -> segment;
      };
    }
  }
}
