package io.cxhub.metrics.score;

import java.time.LocalDate;
import java.util.List;

/** Read port: the pre-aggregated buckets of one kind. Never reads raw responses. */
public interface ScoreBuckets {

  /**
   * The buckets of {@code kind} that the filter's surveys and period need, each one a day
   * or a whole month: whole months when {@code daily} is false and the period covers them,
   * days otherwise. The caller still applies the rest of the filter.
   *
   * @param daily whether every bucket must be a single day (to group by day or week)
   */
  List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, ScoreFilter filter, boolean daily);

  /**
   * One bucket: its slice and its answers.
   *
   * @param day the bucket's local day, or the first day of its month
   */
  record ScoreBucket(
      String surveyId,
      String questionId,
      LocalDate day,
      String channel,
      String stage,
      String touchpoint,
      String segment,
      String persona,
      String valueTier,
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
        case PERSONA -> persona;
        case VALUE_TIER -> valueTier;
      };
    }
  }
}
