package io.cxhub.survey.survey.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.ListSurveysRequest;
import io.cxhub.proto.survey.v1.ListSurveysResponse;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.survey.response.SubmitResponse;
import io.cxhub.survey.response.grpc.ResponseProtoMapper;
import io.cxhub.survey.survey.CreateSurvey;
import io.cxhub.survey.survey.GetSurvey;
import io.cxhub.survey.survey.ListSurveys;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The cx.survey.v1.SurveyService endpoint: maps messages and calls the use cases. Domain
 * exceptions become gRPC statuses in the kit's GrpcErrorMapping; the tenant comes from
 * the call's metadata (TenantServerInterceptor rejects calls without one, except the public
 * SubmitResponse).
 */
@Service
class SurveyGrpcService extends SurveyServiceGrpc.SurveyServiceImplBase {

  private final CreateSurvey createSurvey;
  private final GetSurvey getSurvey;
  private final ListSurveys listSurveys;
  private final SubmitResponse submitResponse;

  SurveyGrpcService(
      CreateSurvey createSurvey, GetSurvey getSurvey, ListSurveys listSurveys, SubmitResponse submitResponse) {
    this.createSurvey = createSurvey;
    this.getSurvey = getSurvey;
    this.listSurveys = listSurveys;
    this.submitResponse = submitResponse;
  }

  @Override
  public void createSurvey(CreateSurveyRequest request, StreamObserver<Survey> response) {
    var survey = createSurvey.create(
        TenantContext.require(),
        SurveyProtoMapper.toDraft(request),
        SurveyProtoMapper.toState(request.getSurvey().getState()));
    response.onNext(SurveyProtoMapper.toProto(survey));
    response.onCompleted();
  }

  @Override
  public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> response) {
    var survey = getSurvey.get(TenantContext.require(), request.getSurveyId());
    response.onNext(SurveyProtoMapper.toProto(survey));
    response.onCompleted();
  }

  @Override
  public void listSurveys(ListSurveysRequest request, StreamObserver<ListSurveysResponse> response) {
    var page = listSurveys.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    response.onNext(SurveyProtoMapper.toProto(page));
    response.onCompleted();
  }

  @Override
  public void submitResponse(SubmitResponseRequest request, StreamObserver<SurveyResponse> response) {
    var accepted = submitResponse.submit(TenantContext.require(), ResponseProtoMapper.toSubmission(request));
    response.onNext(ResponseProtoMapper.toProto(accepted));
    response.onCompleted();
  }
}
