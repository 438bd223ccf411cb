package io.cxhub.metrics.nps;

import java.time.LocalDate;
import java.util.List;

/** Read port: the NPS counts of a survey's pre-aggregated buckets. */
public interface NpsCounts {

  /**
   * Counts of the survey's NPS buckets that make up the period (each a local day, or a month
   * the period covers whole), one per question, day or month, channel and slice.
   */
  List<DayCounts> npsBuckets(String tenantId, String surveyId, DayRange period);

  /** The counts of one bucket ({@code day}: its day, or the first day of its month). */
  record DayCounts(String questionId, LocalDate day, NetPromoterScore counts) {}
}
