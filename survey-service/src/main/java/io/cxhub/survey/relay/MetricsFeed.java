package io.cxhub.survey.relay;

import io.cxhub.survey.response.SurveyResponse;
import java.util.List;
import java.util.Set;

/** Port to metrics-service's response intake. */
public interface MetricsFeed {

  /**
   * Sends one tenant's batch. metrics-service applies each response at most once, so a
   * batch may be sent again after any failure.
   *
   * @return the ids metrics-service acknowledged as recorded (now or before); only these
   *     may be marked delivered
   * @throws io.cxhub.kit.error.DependencyUnavailableException when metrics-service cannot
   *     be reached or is overloaded (transient: retry the same batch later)
   * @throws DeliveryRejectedException when metrics-service refuses the batch (retrying it
   *     unchanged will not help soon)
   */
  Set<String> deliver(String tenantId, List<SurveyResponse> batch);
}
