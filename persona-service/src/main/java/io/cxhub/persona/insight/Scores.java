package io.cxhub.persona.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** Port to the scores metrics-service computes, by persona or segment. */
public interface Scores {

  enum Metric { NPS, CSAT, CES }

  enum Slice { PERSONA, SEGMENT }

  /**
   * The indicator of each group among {@code ids} over the days (tenant's local days, both
   * included); groups without answers are left out. When a group has answers on several
   * scales, the scale with most answers is kept.
   *
   * @param ids the groups; empty: every group
   * @throws io.cxhub.kit.error.DependencyUnavailableException when metrics-service does not answer in time
   */
  Map<String, Score> read(String tenantId, Metric metric, Slice slice, Collection<String> ids, LocalDate from,
      LocalDate to);
}
