package io.cxhub.metrics.alert.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.FireAlertResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * survey-service's FireAlert as metrics-service sees it: tenant-scoped (serve it behind the
 * kit's TenantServerInterceptor), idempotent per (tenant, alert id), recording every call.
 * It can be told to refuse alerts with a status.
 */
public final class FakeSurveyAlertService extends AlertServiceGrpc.AlertServiceImplBase {

  /** One call as received. */
  public record Call(String tenantId, FireAlertRequest request) {}

  private final List<Call> calls = new ArrayList<>();
  private final Map<String, FireAlertResponse> fired = new LinkedHashMap<>();
  private volatile Status refuseWith;

  public void refuseWith(Status status) {
    this.refuseWith = status;
  }

  @Override
  public synchronized void fireAlert(FireAlertRequest request, StreamObserver<FireAlertResponse> response) {
    String tenant = TenantContext.require();
    calls.add(new Call(tenant, request));
    if (refuseWith != null) {
      response.onError(refuseWith.asRuntimeException());
      return;
    }
    var reply = fired.computeIfAbsent(tenant + "/" + request.getAlertId(), k -> {
      var builder = FireAlertResponse.newBuilder().setEventId("evt-" + fired.size());
      if (request.getOpenCase()) {
        builder.setCaseId("case-" + fired.size());
      }
      return builder.build();
    });
    response.onNext(reply);
    response.onCompleted();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The alerts recorded (first call per alert id), in order: what the webhooks would get. */
  public synchronized List<String> firedAlertIds() {
    return fired.keySet().stream().map(k -> k.substring(k.indexOf('/') + 1)).toList();
  }
}
