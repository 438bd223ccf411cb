package io.cxhub.journey;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.FireAlertResponse;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.ListResponsesResponse;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for survey-service's FireAlert (idempotent per alert id, as the real one) and
 * ListResponses (one canned detractor comment per stage asked for), served on a real port
 * behind the kit's tenant interceptor.
 */
final class FakeSurveyService {

  /** A FireAlert call as received. */
  record Fired(String tenantId, FireAlertRequest request) {}

  final List<Fired> calls = new ArrayList<>();
  final Map<String, Fired> byAlertId = new LinkedHashMap<>();
  final List<ListResponsesRequest> listed = new ArrayList<>();

  final AlertServiceGrpc.AlertServiceImplBase alerts = new AlertServiceGrpc.AlertServiceImplBase() {
    @Override
    public void fireAlert(FireAlertRequest request, StreamObserver<FireAlertResponse> response) {
      synchronized (FakeSurveyService.this) {
        var fired = new Fired(TenantContext.require(), request);
        calls.add(fired);
        byAlertId.putIfAbsent(request.getAlertId(), fired);
      }
      response.onNext(FireAlertResponse.newBuilder().setEventId("evt-" + request.getAlertId()).build());
      response.onCompleted();
    }
  };

  final ResponseServiceGrpc.ResponseServiceImplBase responses = new ResponseServiceGrpc.ResponseServiceImplBase() {
    @Override
    public void listResponses(ListResponsesRequest request, StreamObserver<ListResponsesResponse> response) {
      synchronized (FakeSurveyService.this) {
        listed.add(request);
      }
      response.onNext(ListResponsesResponse.newBuilder()
          .addResponses(SurveyResponse.newBuilder().setResponseId("resp-1").setSurveyId("s-delivery")
              .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(2))
              .addAnswers(Answer.newBuilder().setQuestionId("why").setText("Colis livré avec 5 jours de retard")))
          .build());
      response.onCompleted();
    }
  };

  synchronized List<Fired> alertsOf(String tenant) {
    return byAlertId.values().stream().filter(f -> f.tenantId().equals(tenant)).toList();
  }
}
