package io.cxhub.metrics.alert.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * survey-service's GetSurvey as metrics-service sees it: tenant-scoped (serve it behind the
 * kit's TenantServerInterceptor). Every survey exists except those {@link #forget forgotten}
 * for a tenant, which answer NOT_FOUND as another tenant's or a deleted survey would.
 */
public final class FakeSurveyDirectory extends SurveyServiceGrpc.SurveyServiceImplBase {

  private final Set<String> missing = ConcurrentHashMap.newKeySet();

  public void forget(String tenantId, String surveyId) {
    missing.add(tenantId + "/" + surveyId);
  }

  @Override
  public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> response) {
    String tenant = TenantContext.require();
    if (missing.contains(tenant + "/" + request.getSurveyId())) {
      response.onError(Status.NOT_FOUND.withDescription("survey not found: " + request.getSurveyId())
          .asRuntimeException());
      return;
    }
    response.onNext(Survey.newBuilder().setSurveyId(request.getSurveyId()).build());
    response.onCompleted();
  }
}
