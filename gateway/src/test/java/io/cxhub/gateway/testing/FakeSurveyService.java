package io.cxhub.gateway.testing;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.ListSurveysRequest;
import io.cxhub.proto.survey.v1.ListSurveysResponse;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyState;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A survey-service stand-in with canned answers: survey {@code missing} does not exist,
 * survey {@code down} is UNAVAILABLE, survey {@code silent} never answers, a score above 10 is INVALID_ARGUMENT with a field
 * violation, as the real service reports it. Records the metadata of every call.
 */
public final class FakeSurveyService extends SurveyServiceGrpc.SurveyServiceImplBase {

  public static final Metadata.Key<String> TENANT = Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  private final List<Metadata> calls = new CopyOnWriteArrayList<>();

  /** The service with the interceptor that records metadata. */
  public ServerServiceDefinition definition() {
    return ServerInterceptors.intercept(this, new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        calls.add(headers);
        return next.startCall(call, headers);
      }
    });
  }

  public Metadata lastCall() {
    return calls.get(calls.size() - 1);
  }

  public int callCount() {
    return calls.size();
  }

  @Override
  public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> responses) {
    switch (request.getSurveyId()) {
      case "missing" -> responses.onError(
          Status.NOT_FOUND.withDescription("Survey 'missing' does not exist.").asRuntimeException());
      case "down" -> responses.onError(Status.UNAVAILABLE.withDescription("db down").asRuntimeException());
      case "silent" -> { } // never answers: the caller's deadline ends the call
      default -> {
        responses.onNext(Survey.newBuilder().setSurveyId(request.getSurveyId()).setTitle("Delivery")
            .setState(SurveyState.SURVEY_STATE_ACTIVE).setVersion(1).build());
        responses.onCompleted();
      }
    }
  }

  @Override
  public void listSurveys(ListSurveysRequest request, StreamObserver<ListSurveysResponse> responses) {
    responses.onNext(ListSurveysResponse.newBuilder()
        .addSurveys(Survey.newBuilder().setSurveyId("s1").setTitle("Delivery"))
        .setNextPageToken(request.getPageSize() == 1 ? "next" : "")
        .build());
    responses.onCompleted();
  }

  @Override
  public void createSurvey(CreateSurveyRequest request, StreamObserver<Survey> responses) {
    responses.onNext(request.getSurvey().toBuilder().setSurveyId("new-survey").setVersion(1).build());
    responses.onCompleted();
  }

  @Override
  public void submitResponse(SubmitResponseRequest request, StreamObserver<SurveyResponse> responses) {
    var badRequest = BadRequest.newBuilder();
    for (int i = 0; i < request.getAnswersCount(); i++) {
      if (request.getAnswers(i).getScore() > 10) {
        badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField("answers[" + i + "].score").setDescription("Must be from 0 to 10."));
      }
    }
    if (badRequest.getFieldViolationsCount() > 0) {
      responses.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("The response has invalid answers.")
          .addDetails(Any.pack(badRequest.build())).build()));
      return;
    }
    responses.onNext(SurveyResponse.newBuilder().setResponseId("r-1").setSurveyId(request.getSurveyId())
        .setSurveyVersion(1).setChannel(request.getChannel()).addAllAnswers(request.getAnswersList())
        .setContext(request.getContext()).build());
    responses.onCompleted();
  }
}
