package io.cxhub.gateway.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A respondent-service stand-in: echoes what reached it (the header-bound fields, the client
 * address metadata) and refuses token {@code limited} as survey-service's rate limit does:
 * RESOURCE_EXHAUSTED with a RetryInfo of 42.3 s.
 */
public final class FakeRespondentService extends RespondentServiceGrpc.RespondentServiceImplBase {

  public static final Metadata.Key<String> CLIENT_ADDRESS =
      Metadata.Key.of("x-client-address", Metadata.ASCII_STRING_MARSHALLER);

  public final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
  public final AtomicReference<SubmitPublicResponseRequest> lastSubmission = new AtomicReference<>();

  public ServerServiceDefinition definition() {
    return ServerInterceptors.intercept(this, new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        lastHeaders.set(headers);
        return next.startCall(call, headers);
      }
    });
  }

  @Override
  public void getPublicSurvey(GetPublicSurveyRequest request, StreamObserver<PublicSurvey> response) {
    response.onNext(PublicSurvey.newBuilder().setToken(request.getToken())
        .setLanguage(request.getLang().isEmpty() ? "from-header:" + request.getAcceptLanguage() : request.getLang())
        .build());
    response.onCompleted();
  }

  @Override
  public void submitPublicResponse(SubmitPublicResponseRequest request, StreamObserver<SurveyResponse> response) {
    lastSubmission.set(request);
    if (request.getToken().equals("limited")) {
      response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
          .setMessage("too many submissions through this survey link")
          .addDetails(Any.pack(RetryInfo.newBuilder()
              .setRetryDelay(Duration.newBuilder().setSeconds(42).setNanos(300_000_000)).build()))
          .build()));
      return;
    }
    response.onNext(SurveyResponse.newBuilder().setResponseId("r-" + request.getIdempotencyKey()).build());
    response.onCompleted();
  }
}
