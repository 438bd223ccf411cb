package io.cxhub.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantServerInterceptorTest {

  private final AtomicReference<String> seenTenant = new AtomicReference<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    var service = new SurveyServiceGrpc.SurveyServiceImplBase() {
      @Override
      public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> observer) {
        seenTenant.set(TenantContext.require());
        observer.onNext(Survey.getDefaultInstance());
        observer.onCompleted();
      }

    };
    var respondents = new io.cxhub.proto.survey.v1.RespondentServiceGrpc.RespondentServiceImplBase() {
      @Override
      public void getPublicSurvey(io.cxhub.proto.survey.v1.GetPublicSurveyRequest request,
          StreamObserver<io.cxhub.proto.survey.v1.PublicSurvey> observer) {
        seenTenant.set(TenantContext.current().orElse("<none>"));
        observer.onNext(io.cxhub.proto.survey.v1.PublicSurvey.getDefaultInstance());
        observer.onCompleted();
      }
    };
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new TenantServerInterceptor()))
        .addService(ServerInterceptors.intercept(respondents, new TenantServerInterceptor()))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private SurveyServiceGrpc.SurveyServiceBlockingStub stub(String tenant) {
    var stub = SurveyServiceGrpc.newBlockingStub(channel);
    if (tenant == null) {
      return stub;
    }
    var headers = new Metadata();
    headers.put(TenantContext.METADATA_KEY, tenant);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Test
  void rejectsATenantScopedCallWithoutTenant() {
    var error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub(null).getSurvey(GetSurveyRequest.getDefaultInstance()));
    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(seenTenant.get()).isNull();
  }

  @Test
  void rejectsAMalformedTenant() {
    var error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub("Not A Tenant!").getSurvey(GetSurveyRequest.getDefaultInstance()));
    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void exposesTheTenantToTheHandler() {
    stub("acme").getSurvey(GetSurveyRequest.getDefaultInstance());
    assertThat(seenTenant.get()).isEqualTo("acme");
  }

  @Test
  void letsAPublicRpcThroughWithoutTenant() {
    io.cxhub.proto.survey.v1.RespondentServiceGrpc.newBlockingStub(channel)
        .getPublicSurvey(io.cxhub.proto.survey.v1.GetPublicSurveyRequest.getDefaultInstance());
    assertThat(seenTenant.get()).isEqualTo("<none>");
  }

  /** A partner's response by survey id is tenant-scoped: the contract says ACCESS_TENANT. */
  @Test
  void rejectsAPartnerResponseWithoutTenant() {
    var error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub(null).submitResponse(SubmitResponseRequest.getDefaultInstance()));
    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }
}
