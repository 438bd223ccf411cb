package io.cxhub.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cxhub.kit.testing.GrpcCalls;
import io.cxhub.kit.trust.CallerToken;
import io.cxhub.kit.trust.CallerTokens;
import io.cxhub.kit.trust.TrustKeys;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantServerInterceptorTest {

  private static final String SURVEYS = SurveyServiceGrpc.SERVICE_NAME;

  private final AtomicReference<String> seenTenant = new AtomicReference<>();
  private final AtomicReference<CallerToken> seenCaller = new AtomicReference<>();
  private final CallerTokens gateway = new CallerTokens(TrustKeys.ephemeral("gateway"));
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    var service = new SurveyServiceGrpc.SurveyServiceImplBase() {
      @Override
      public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> observer) {
        seenTenant.set(TenantContext.require());
        seenCaller.set(TenantContext.caller().orElseThrow());
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
        .addService(ServerInterceptors.intercept(service, new TenantServerInterceptor(gateway)))
        .addService(ServerInterceptors.intercept(respondents, new TenantServerInterceptor(gateway)))
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
    return tenant == null ? stub : GrpcCalls.asTenant(stub, tenant);
  }

  /** A stub sending these raw metadata entries and nothing else. */
  private SurveyServiceGrpc.SurveyServiceBlockingStub raw(String authorization, String tenantHeader) {
    var headers = new Metadata();
    if (authorization != null) {
      headers.put(CallerTokens.AUTHORIZATION, authorization);
    }
    if (tenantHeader != null) {
      headers.put(TenantContext.METADATA_KEY, tenantHeader);
    }
    return SurveyServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private Status.Code refusal(SurveyServiceGrpc.SurveyServiceBlockingStub stub) {
    var error = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub.getSurvey(GetSurveyRequest.getDefaultInstance()));
    assertThat(seenTenant.get()).as("the handler must not run").isNull();
    return error.getStatus().getCode();
  }

  @Test
  void refusesABareTenantEntry() {
    assertThat(refusal(raw(null, "acme"))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void takesTheTenantFromTheTokenNotFromTheEntry() {
    var stub = GrpcCalls.asTenant(raw(null, "someone-else"), "acme");
    stub.getSurvey(GetSurveyRequest.getDefaultInstance());
    assertThat(seenTenant.get()).isEqualTo("acme");
  }

  @Test
  void exposesTheCallerAndItsRole() {
    raw(gateway.bearer(CallerToken.builder().audience(SURVEYS).tenant("acme").role("ANALYST")
        .scopes(java.util.List.of("read", "write")).requestId("req-7")), null)
        .getSurvey(GetSurveyRequest.getDefaultInstance());
    CallerToken caller = seenCaller.get();
    assertThat(caller.principal()).isEqualTo("gateway");
    assertThat(caller.fromGateway()).isTrue();
    assertThat(caller.role()).contains("ANALYST");
    assertThat(caller.scopes()).containsExactly("read", "write");
    assertThat(caller.requestId()).contains("req-7");
  }

  @Test
  void refusesATokenSignedByAnUntrustedKey() throws Exception {
    // the attacker names the gateway's key id but signs with a key of its own
    var forger = new ECKeyGenerator(Curve.P_256).keyID(gateway.keys().signingKey().getKeyID()).generate();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(forger.getKeyID())
        .type(new JOSEObjectType(CallerTokens.TYPE)).build(), claims(Instant.now()).build());
    jwt.sign(new ECDSASigner(forger));
    assertThat(refusal(raw("Bearer " + jwt.serialize(), null))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesAnUnsignedToken() {
    String unsigned = new PlainJWT(claims(Instant.now()).build()).serialize();
    assertThat(refusal(raw("Bearer " + unsigned, null))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesATamperedToken() {
    String[] parts = gateway.mint(CallerToken.builder().audience(SURVEYS).tenant("acme")).split("\\.");
    String otherTenant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims(Instant.now()).claim("tenant", "victim").build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(refusal(raw("Bearer " + parts[0] + "." + otherTenant + "." + parts[2], null)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesAnExpiredToken() {
    var past = new CallerTokens(TrustKeys.ephemeral("gateway"),
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC), Duration.ofSeconds(90));
    assertThat(refusal(raw(past.bearer(CallerToken.builder().audience(SURVEYS).tenant("acme")), null)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesATokenForAnotherService() {
    String forMetrics = gateway.bearer(CallerToken.builder().audience("cx.metrics.v1.MetricsService").tenant("acme"));
    assertThat(refusal(raw(forMetrics, null))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesATokenWhoseIssuerDoesNotOwnTheKey() throws Exception {
    // survey-service's key signing a token that claims to come from the gateway
    var survey = TrustKeys.ephemeral("survey-service").signingKey();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(survey.getKeyID())
        .type(new JOSEObjectType(CallerTokens.TYPE)).build(), claims(Instant.now()).build());
    jwt.sign(new ECDSASigner(survey));
    assertThat(refusal(raw("Bearer " + jwt.serialize(), null))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void refusesATokenWithoutTenantOnATenantRpc() {
    assertThat(refusal(raw(gateway.bearer(CallerToken.builder().audience(SURVEYS)), null)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void acceptsAPeerServiceActingForATenant() {
    var peer = new CallerTokens(TrustKeys.ephemeral("metrics-service"));
    raw(peer.bearer(CallerToken.builder().audience(SURVEYS).tenant("acme")), null)
        .getSurvey(GetSurveyRequest.getDefaultInstance());
    assertThat(seenTenant.get()).isEqualTo("acme");
    assertThat(seenCaller.get().principal()).isEqualTo("metrics-service");
    assertThat(seenCaller.get().fromGateway()).isFalse();
  }

  private static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder().issuer("gateway").audience(SURVEYS).claim("tenant", "acme")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)));
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
