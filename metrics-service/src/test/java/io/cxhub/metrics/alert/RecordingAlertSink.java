package io.cxhub.metrics.alert;

import io.cxhub.kit.error.DependencyUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AlertSink that behaves like survey-service's FireAlert (idempotent per alert id) and
 * records every call; it can be down, refuse alerts or crash the caller.
 */
final class RecordingAlertSink implements AlertSink {

  enum Mode { UP, DOWN, REJECTING, CRASHING }

  private final List<Alert> calls = new ArrayList<>();
  private final Map<String, Alert> recorded = new LinkedHashMap<>();
  private Mode mode = Mode.UP;

  void mode(Mode mode) {
    this.mode = mode;
  }

  @Override
  public synchronized Delivery fire(String tenantId, Alert alert) {
    calls.add(alert);
    switch (mode) {
      case DOWN -> throw new DependencyUnavailableException("survey-service: UNAVAILABLE io exception", null);
      case REJECTING -> throw new AlertRejectedException("survey-service refused the alert: NOT_FOUND", null);
      case CRASHING -> throw new IllegalStateException("the process died here");
      default -> { }
    }
    recorded.putIfAbsent(alert.alertId(), alert);
    return new Delivery("event-" + alert.alertId(), alert.openCase() ? "case-" + alert.alertId() : null);
  }

  /** Every call, including failed ones and repeats. */
  synchronized List<Alert> calls() {
    return List.copyOf(calls);
  }

  /** The distinct alerts survey-service recorded, in order: what webhooks would receive. */
  synchronized List<Alert> recorded() {
    return List.copyOf(recorded.values());
  }
}
