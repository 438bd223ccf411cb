package io.cxhub.journey.insight;

/**
 * The one notification path of CX Hub (survey-service's FireAlert: webhooks, cases). Firing
 * the same alert id again does nothing new, so a caller may resend after any failure.
 */
public interface AlertSink {

  /**
   * @throws Indicators.IndicatorsUnavailableException when the alert could not be delivered now
   */
  void fire(String tenantId, Alert alert);

  /** An alert: its idempotency id, title, severity and where on the journey it is. */
  record Alert(String alertId, String title, String severity, String stageId, String touchpointId) {}
}
