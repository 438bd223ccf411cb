package io.cxhub.survey.survey.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.ActivateSurveyRequest;
import io.cxhub.proto.survey.v1.CloseSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyVersionRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyDefinitionServiceGrpc;
import io.cxhub.proto.survey.v1.UpdateSurveyRequest;
import io.cxhub.survey.survey.ChangeSurveyState;
import io.cxhub.survey.survey.GetSurvey;
import io.cxhub.survey.survey.UpdateSurvey;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.SurveyDefinitionService endpoint: edits and lifecycle of surveys. */
@Service
class SurveyDefinitionGrpcService extends SurveyDefinitionServiceGrpc.SurveyDefinitionServiceImplBase {

  private final UpdateSurvey updateSurvey;
  private final ChangeSurveyState changeState;
  private final GetSurvey getSurvey;

  SurveyDefinitionGrpcService(UpdateSurvey updateSurvey, ChangeSurveyState changeState, GetSurvey getSurvey) {
    this.updateSurvey = updateSurvey;
    this.changeState = changeState;
    this.getSurvey = getSurvey;
  }

  @Override
  public void updateSurvey(UpdateSurveyRequest request, StreamObserver<Survey> response) {
    var survey = updateSurvey.update(
        TenantContext.require(),
        request.getSurvey().getSurveyId(),
        request.hasSurvey() ? SurveyProtoMapper.toDraft(request.getSurvey()) : null,
        request.getUpdateMask().getPathsList());
    reply(response, survey);
  }

  @Override
  public void activateSurvey(ActivateSurveyRequest request, StreamObserver<Survey> response) {
    reply(response, changeState.activate(TenantContext.require(), request.getSurveyId()));
  }

  @Override
  public void closeSurvey(CloseSurveyRequest request, StreamObserver<Survey> response) {
    reply(response, changeState.close(TenantContext.require(), request.getSurveyId()));
  }

  @Override
  public void getSurveyVersion(GetSurveyVersionRequest request, StreamObserver<Survey> response) {
    reply(response, getSurvey.getVersion(TenantContext.require(), request.getSurveyId(), request.getVersion()));
  }

  private static void reply(StreamObserver<Survey> response, io.cxhub.survey.survey.Survey survey) {
    response.onNext(SurveyProtoMapper.toProto(survey));
    response.onCompleted();
  }
}
