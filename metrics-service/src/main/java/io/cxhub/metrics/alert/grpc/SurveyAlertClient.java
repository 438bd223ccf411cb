package io.cxhub.metrics.alert.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.grpc.PeerCallException;
import io.cxhub.metrics.alert.AlertRejectedException;
import io.cxhub.metrics.alert.AlertSink;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.AlertServiceGrpc.AlertServiceBlockingStub;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import java.time.Duration;

/**
 * The client of survey-service's internal {@code cx.survey.v1.AlertService/FireAlert}: owns
 * the stub (on the channel to {@code cx.peers.survey}), the per-call deadline and the
 * Resilience4j circuit breaker {@code survey}.
 *
 * <p>Each call runs in a gRPC context carrying the tenant, so the kit's global
 * TenantClientInterceptor signs it into the call's caller token. FireAlert is idempotent per alert
 * id, so sending again after any failure is safe.
 *
 * <p>Fallback: when the circuit is open or survey-service is unreachable or failing, the call
 * fails with {@link DependencyUnavailableException} and the evaluator keeps the alert
 * pending for a later evaluation; when survey-service refuses the alert (e.g. an unknown
 * survey rule id) it fails with {@link AlertRejectedException}.
 */
public final class SurveyAlertClient implements AlertSink {

  static final String SOURCE = "metrics-service";

  private final Channel channel;
  private final AlertServiceBlockingStub stub;
  private final Peer peer;

  /** @param channel the channel to survey-service; its owner shuts it down */
  public SurveyAlertClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.channel = channel;
    this.stub = AlertServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("survey-service", circuitBreaker, deadline);
  }

  @Override
  public Delivery fire(String tenantId, Alert alert) {
    Reconnect.nowIfFailed(channel);
    var request = toRequest(alert);
    try {
      var reply = peer.call(tenantId, stub, s -> s.fireAlert(request));
      return new Delivery(reply.getEventId(), reply.getCaseId().isEmpty() ? null : reply.getCaseId());
    } catch (PeerCallException e) {
      if (e.refused()) {
        var status = e.status();
        throw new AlertRejectedException("survey-service refused the alert: " + status.getCode()
            + (status.getDescription() == null ? "" : " " + status.getDescription()), e);
      }
      throw e;
    }
  }

  static FireAlertRequest toRequest(Alert alert) {
    var request = FireAlertRequest.newBuilder()
        .setAlertId(alert.alertId())
        .setTitle(alert.title())
        .setSeverity(alert.severity().label())
        .setSource(SOURCE)
        .setOpenCase(alert.openCase());
    if (alert.surveyId() != null) {
      request.setSurveyId(alert.surveyId());
    }
    if (alert.stageId() != null) {
      request.setStageId(alert.stageId());
    }
    if (alert.touchpointId() != null) {
      request.setTouchpointId(alert.touchpointId());
    }
    if (alert.surveyRuleId() != null) {
      request.setRuleId(alert.surveyRuleId());
    }
    return request.build();
  }

}
