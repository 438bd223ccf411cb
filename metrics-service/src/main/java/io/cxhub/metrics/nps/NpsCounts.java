package io.cxhub.metrics.nps;

import java.time.LocalDate;
import java.util.List;

/** Read port: the NPS counts of a survey's pre-aggregated buckets. */
public interface NpsCounts {

  /** Counts of every NPS bucket of the survey, one per question, day, channel and slice. */
  List<DayCounts> npsBuckets(String tenantId, String surveyId);

  /** The counts of one bucket. */
  record DayCounts(String questionId, LocalDate day, NetPromoterScore counts) {}
}
