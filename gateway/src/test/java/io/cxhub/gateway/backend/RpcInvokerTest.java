package io.cxhub.gateway.backend;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Catalogs.binding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.catalog.RpcMethod;
import io.cxhub.gateway.testing.FakeSurveyService;
import io.cxhub.gateway.testing.InProcessBackend;
import io.cxhub.gateway.testing.TickerProto;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcInvokerTest {

  private static final RpcMethod GET_SURVEY = binding("GetSurvey").rpc();
  private static final io.cxhub.kit.trust.CallerTokens TOKENS =
      new io.cxhub.kit.trust.CallerTokens(io.cxhub.kit.trust.TrustKeys.ephemeral("gateway"));

  private final FakeSurveyService survey = new FakeSurveyService();
  private final InProcessBackend backend = new InProcessBackend(survey.definition(), TickerProto.service());
  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
      .slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50)
      .waitDurationInOpenState(Duration.ofMinutes(1))
      .recordException(BackendFailures::isFailure).build());
  private final RpcInvoker invoker = new RpcInvoker(
      Backends.connect(Map.of(), Map.of("survey", backend.channel(), "ticker", backend.channel())),
      breakers, Duration.ofSeconds(3), TOKENS); // "silent" never answers; a short deadline failed first calls on a loaded machine

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void callsTheBackendWithTenantAndRequestIdMetadata() throws Exception {
    DynamicMessage reply = invoker.unary(GET_SURVEY, request("s1"), new CallContext(Optional.of("acme"), "req-1")).block();

    assertThat(Survey.parseFrom(reply.toByteString()).getTitle()).isEqualTo("Delivery");
    assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("acme");
    assertThat(survey.lastCall().get(FakeSurveyService.REQUEST_ID)).isEqualTo("req-1");
  }

  /** The services take the tenant from the signed caller token alone (service-kit's TenantServerInterceptor). */
  @Test
  void signsACallerTokenForTheCalledServiceWithTheCallersTenantAndRole() throws Exception {
    var context = new CallContext(Optional.of("acme"), "req-9", Optional.empty(), Optional.of("key-1"))
        .withCaller("ANALYST", java.util.List.of("READ"));
    invoker.unary(GET_SURVEY, request("s1"), context).block();

    var token = TOKENS.verifyBearer(survey.lastCall().get(io.cxhub.kit.trust.CallerTokens.AUTHORIZATION),
        "cx.survey.v1.SurveyService");
    assertThat(token.principal()).isEqualTo("gateway");
    assertThat(token.tenant()).contains("acme");
    assertThat(token.role()).contains("ANALYST");
    assertThat(token.scopes()).containsExactly("READ");
    assertThat(survey.lastCall().get(FakeSurveyService.REQUEST_ID)).isEqualTo("req-9");
  }

  @Test
  void sendsNoTenantWhenTheCallHasNone() {
    invoker.unary(GET_SURVEY, request("s1"), new CallContext(Optional.empty(), "req-2")).block();

    assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isNull();
  }

  @Test
  void failsWithTheBackendsStatus() {
    Throwable error = catchThrowable(() -> invoker.unary(GET_SURVEY, request("missing"), context()).block());

    assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void endsACallThatOutlivesItsDeadline() {
    Throwable error = catchThrowable(() -> invoker.unary(GET_SURVEY, request("silent"), context()).block());

    assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  @Test
  void opensTheCircuitAfterTheBackendFailsAndStopsCallingIt() {
    for (int i = 0; i < 2; i++) {
      catchThrowable(() -> invoker.unary(GET_SURVEY, request("down"), context()).block());
    }
    int callsBefore = survey.callCount();

    Throwable error = catchThrowable(() -> invoker.unary(GET_SURVEY, request("s1"), context()).block());

    assertThat(error).isInstanceOf(CallNotPermittedException.class);
    assertThat(survey.callCount()).isEqualTo(callsBefore);
  }

  @Test
  void keepsTheCircuitClosedOnAnswersOfAHealthyBackend() {
    for (int i = 0; i < 4; i++) {
      catchThrowable(() -> invoker.unary(GET_SURVEY, request("missing"), context()).block());
    }

    assertThat(invoker.unary(GET_SURVEY, request("s1"), context()).block()).isNotNull();
  }

  @Test
  void answersUnavailableForABackendWithoutAddress() {
    RpcMethod getNps = CATALOG.binding("GetNps").orElseThrow().rpc();
    var empty = DynamicMessage.getDefaultInstance(getNps.descriptor().getInputType());

    Throwable error = catchThrowable(() -> invoker.unary(getNps, empty, context()).block());

    assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void streamsServerStreamingReplies() {
    var count = TickerProto.TICKS.getInputType().findFieldByName("count");
    var request = DynamicMessage.newBuilder(TickerProto.TICKS.getInputType()).setField(count, 3).build();
    var n = TickerProto.TICKS.getOutputType().findFieldByName("n");

    // limitRate(1) asks for one message at a time: the stream is driven by the subscriber's demand
    var ticks = invoker.serverStreaming(TickerProto.rpc(), request, context())
        .limitRate(1)
        .map(tick -> tick.getField(n))
        .collectList()
        .block(Duration.ofSeconds(5));

    assertThat(ticks).containsExactly(1L, 2L, 3L);
  }

  @Test
  void cancelsTheStreamWhenTheSubscriberHasEnough() {
    var count = TickerProto.TICKS.getInputType().findFieldByName("count");
    var request = DynamicMessage.newBuilder(TickerProto.TICKS.getInputType()).setField(count, 1000).build();

    var first = invoker.serverStreaming(TickerProto.rpc(), request, context()).take(2).collectList()
        .block(Duration.ofSeconds(5));

    assertThat(first).hasSize(2);
  }

  private static DynamicMessage request(String surveyId) throws RuntimeException {
    try {
      return DynamicMessage.parseFrom(GET_SURVEY.descriptor().getInputType(),
          GetSurveyRequest.newBuilder().setSurveyId(surveyId).build().toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CallContext context() {
    return new CallContext(Optional.of("acme"), "req");
  }
}
