package io.cxhub.metrics.alert;

/**
 * Port to the hub's one notification path (survey-service's FireAlert): an
 * {@code alert.fired} event to the subscribed webhooks and, if asked, a follow-up case.
 *
 * <p>Idempotent per {@link Alert#alertId()}: sending the same id again records nothing new
 * and returns the same delivery, so a caller may send again after any failure.
 */
public interface AlertSink {

  /**
   * Sends one alert for a tenant.
   *
   * @return what survey-service recorded
   * @throws io.cxhub.kit.error.DependencyUnavailableException when survey-service cannot be
   *     reached now (transient: send again later)
   * @throws AlertRejectedException when survey-service refuses the alert
   */
  Delivery fire(String tenantId, Alert alert);

  /**
   * An alert to send.
   *
   * @param alertId the idempotency key
   * @param surveyId survey concerned, null when not exactly one
   * @param stageId journey stage concerned, null when not exactly one
   * @param touchpointId touchpoint concerned, null when not exactly one
   * @param surveyRuleId survey-service alert rule whose actions apply; null when none
   */
  record Alert(
      String alertId, String title, Severity severity, String surveyId, String stageId, String touchpointId,
      String surveyRuleId, boolean openCase) {}

  /**
   * What survey-service recorded.
   *
   * @param caseId the case opened (now or by an earlier send); null when none
   */
  record Delivery(String eventId, String caseId) {}
}
