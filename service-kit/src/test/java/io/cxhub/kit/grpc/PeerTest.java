package io.cxhub.kit.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.tenant.TenantClientInterceptor;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.kit.testing.GrpcCalls;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Context;
import io.cxhub.kit.testing.TestBreakers;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer served in-process behind the kit's tenant interceptors, called through {@link Peer}. */
class PeerTest {

  private static final String TENANT = "tenant-a";
  private static final GetSurveyRequest REQUEST = GetSurveyRequest.newBuilder().setSurveyId("s1").build();

  private final String name = "peer-" + UUID.randomUUID();
  private final FakePeer fake = new FakePeer();
  private final ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor()
      .intercept(new TenantClientInterceptor(GrpcCalls.testTokens())).build();
  private final SurveyServiceGrpc.SurveyServiceBlockingStub stub = SurveyServiceGrpc.newBlockingStub(channel);
  private final CircuitBreaker breaker = TestBreakers.opensAfterFourCalls("fake");
  private final Peer peer = new Peer("fake-service", breaker, Duration.ofSeconds(5));
  private Server server;

  @BeforeEach
  void start() throws IOException {
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(fake, new TenantServerInterceptor(GrpcCalls.testTokens())))
        .build()
        .start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void callsAsTheTenantWithACallerTokenAndTheDeadline() {
    var answer = peer.call(TENANT, stub, s -> s.getSurvey(REQUEST));

    assertThat(answer.getSurveyId()).isEqualTo("s1");
    assertThat(fake.calls).hasSize(1);
    var seen = fake.calls.get(0);
    assertThat(seen.tenant()).isEqualTo(TENANT);
    assertThat(seen.signedByCaller()).isTrue();
    assertThat(seen.hasDeadline()).isTrue();
    assertThat(TenantContext.current()).as("the tenant is not left attached").isEmpty();
  }

  @Test
  void aCallPastItsDeadlineIsAPeerFailureAndTryCallAnswersEmpty() {
    fake.hang = true;
    var slow = new Peer("fake-service", breaker, Duration.ofMillis(50));

    var failure = catchThrowableOfType(PeerCallException.class, () -> slow.call(TENANT, stub, s -> s.getSurvey(REQUEST)));

    assertThat(failure.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(failure.refused()).isFalse();
    assertThat(failure).hasMessageStartingWith("fake-service: DEADLINE_EXCEEDED");
    assertThat(slow.tryCall(TENANT, "survey", stub, s -> s.getSurvey(REQUEST))).isEmpty();
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
  }

  @Test
  void repeatedPeerFailuresOpenTheBreakerAndTheCallIsThenNotMade() {
    fake.failWith = Status.UNAVAILABLE.withDescription("database down");
    for (int i = 0; i < 4; i++) {
      var failure = catchThrowableOfType(PeerCallException.class, () -> peer.call(TENANT, stub, s -> s.getSurvey(REQUEST)));
      assertThat(failure).hasMessage("fake-service: UNAVAILABLE database down");
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int callsSoFar = fake.calls.size();

    var fastFailure = catchThrowableOfType(PeerCallException.class, () -> peer.call(TENANT, stub, s -> s.getSurvey(REQUEST)));

    assertThat(fastFailure).hasMessage("fake-service circuit breaker is open");
    assertThat(fastFailure.code()).isNull();
    assertThat(fastFailure.refused()).isFalse();
    assertThat(fake.calls).hasSize(callsSoFar);
    assertThat(peer.tryCall(TENANT, "survey", stub, s -> s.getSurvey(REQUEST))).isEmpty();
  }

  @Test
  void aRefusalIsReportedAsSuchAndDoesNotCountAgainstThePeer() {
    fake.failWith = Status.INVALID_ARGUMENT.withDescription("survey_id: malformed");
    for (int i = 0; i < 6; i++) {
      var refused = catchThrowableOfType(PeerCallException.class, () -> peer.call(TENANT, stub, s -> s.getSurvey(REQUEST)));
      assertThat(refused.refused()).isTrue();
      assertThat(refused.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(refused).hasMessage("fake-service: INVALID_ARGUMENT survey_id: malformed (refused)");
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    assertThat(fake.calls).hasSize(6);
  }

  @Test
  void aBugOnTheCallersSideIsNotTurnedIntoAnUnavailablePeer() {
    var bug = new IllegalStateException("bug");

    var thrown = catchThrowableOfType(IllegalStateException.class, () -> peer.call(TENANT, stub, s -> {
      throw bug;
    }));

    assertThat(thrown).isSameAs(bug);
    assertThat(TenantContext.current()).isEmpty();
  }

  /** What the fake peer saw of one call. */
  record Seen(String tenant, boolean signedByCaller, boolean hasDeadline) {}

  /** A tenant-scoped RPC as a stand-in peer: answers, refuses or fails as told, or never answers. */
  static final class FakePeer extends SurveyServiceGrpc.SurveyServiceImplBase {
    final List<Seen> calls = new CopyOnWriteArrayList<>();
    volatile Status failWith;
    volatile boolean hang;

    @Override
    public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> answer) {
      calls.add(new Seen(TenantContext.current().orElse(null), TenantContext.caller().isPresent(),
          Context.current().getDeadline() != null));
      if (hang) {
        return;
      }
      if (failWith != null) {
        answer.onError(failWith.asRuntimeException());
        return;
      }
      answer.onNext(Survey.newBuilder().setSurveyId(request.getSurveyId()).build());
      answer.onCompleted();
    }
  }
}
