package io.cxhub.metrics.alert;

/**
 * survey-service answered but refused an alert (e.g. an unknown survey alert rule id).
 * Sending it again unchanged will fail the same way until the rule is fixed; the alert
 * stays pending meanwhile.
 */
public class AlertRejectedException extends RuntimeException {

  public AlertRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
