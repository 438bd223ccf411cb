package io.cxhub.metrics.alert;

import java.util.Collection;
import java.util.Set;

/**
 * Which surveys a tenant has, asked of survey-service (their owner): a metric alert rule may
 * only filter on surveys its tenant owns.
 */
@FunctionalInterface
public interface KnownSurveys {

  /**
   * The ids among {@code surveyIds} that name no survey of {@code tenantId}.
   *
   * @throws io.cxhub.kit.error.DependencyUnavailableException when survey-service cannot
   *     answer; the rule is then not stored (the caller gets UNAVAILABLE and tries again)
   */
  Set<String> unknown(String tenantId, Collection<String> surveyIds);
}
