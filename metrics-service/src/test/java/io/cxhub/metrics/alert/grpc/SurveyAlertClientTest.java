package io.cxhub.metrics.alert.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.tenant.TenantClientInterceptor;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.metrics.alert.AlertRejectedException;
import io.cxhub.metrics.alert.AlertSink;
import io.cxhub.metrics.alert.Severity;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.cxhub.kit.testing.TestBreakers;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The FireAlert client against survey-service's contract served in-process: what it sends,
 * how it reads failures, and its circuit breaker.
 */
class SurveyAlertClientTest {

  private static final String TENANT = "tenant-a";
  private static final AlertSink.Alert ALERT = new AlertSink.Alert("mr:r1:2026-03-14:1",
      "NPS livraison: NPS 0.0 below 20 over the last 7 days (n=40)", Severity.CRITICAL, "s1", "delivery", null,
      "surveyrule1", true);

  private final String name = "survey-" + UUID.randomUUID();
  private final FakeSurveyAlertService survey = new FakeSurveyAlertService();
  private final ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor()
      .intercept(new TenantClientInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())).build();
  private final CircuitBreaker breaker = TestBreakers.opensAfterFourCalls("survey");
  private final SurveyAlertClient client = new SurveyAlertClient(channel, breaker, Duration.ofSeconds(5));
  private Server server;

  private void startSurvey() throws IOException {
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(survey, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .build()
        .start();
  }

  private void stopSurvey() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    if (server != null) {
      stopSurvey();
    }
  }

  @Test
  void sendsTheAlertForTheTenantAndReadsTheReply() throws IOException {
    startSurvey();

    var delivery = client.fire(TENANT, ALERT);

    assertThat(survey.calls()).hasSize(1);
    var call = survey.calls().get(0);
    assertThat(call.tenantId()).isEqualTo(TENANT);
    var request = call.request();
    assertThat(request.getAlertId()).isEqualTo("mr:r1:2026-03-14:1");
    assertThat(request.getTitle()).isEqualTo(ALERT.title());
    assertThat(request.getSeverity()).isEqualTo("critical");
    assertThat(request.getSource()).isEqualTo("metrics-service");
    assertThat(request.getSurveyId()).isEqualTo("s1");
    assertThat(request.getStageId()).isEqualTo("delivery");
    assertThat(request.getTouchpointId()).isEmpty();
    assertThat(request.getRuleId()).isEqualTo("surveyrule1");
    assertThat(request.getOpenCase()).isTrue();
    assertThat(delivery.eventId()).isEqualTo("evt-0");
    assertThat(delivery.caseId()).isEqualTo("case-0");
  }

  @Test
  void sendingTheSameAlertAgainGetsTheSameDelivery() throws IOException {
    startSurvey();

    var first = client.fire(TENANT, ALERT);
    var second = client.fire(TENANT, ALERT);

    assertThat(second).isEqualTo(first);
    assertThat(survey.firedAlertIds()).containsExactly(ALERT.alertId());
  }

  @Test
  void surveyServiceDownIsUnavailableAndTheSameAlertGoesThroughOnceItIsBack() throws Exception {
    var down = catchThrowableOfType(DependencyUnavailableException.class, () -> client.fire(TENANT, ALERT));
    assertThat(down).hasMessageContaining("UNAVAILABLE");

    startSurvey();
    var delivery = client.fire(TENANT, ALERT);

    assertThat(delivery.eventId()).isNotEmpty();
    assertThat(survey.firedAlertIds()).containsExactly(ALERT.alertId());
  }

  @Test
  void aRefusedAlertIsRejectedAndDoesNotCountAgainstTheBreaker() throws IOException {
    startSurvey();
    survey.refuseWith(Status.NOT_FOUND.withDescription("alert rule surveyrule1 not found"));

    for (int i = 0; i < 6; i++) {
      var refused = catchThrowableOfType(AlertRejectedException.class, () -> client.fire(TENANT, ALERT));
      assertThat(refused).hasMessageContaining("NOT_FOUND").hasMessageContaining("surveyrule1");
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void repeatedPeerFailuresOpenTheBreakerAndCallsThenFailFast() throws IOException {
    startSurvey();
    survey.refuseWith(Status.INTERNAL.withDescription("database down"));
    for (int i = 0; i < 4; i++) {
      catchThrowableOfType(DependencyUnavailableException.class, () -> client.fire(TENANT, ALERT));
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int callsSoFar = survey.calls().size();

    var fastFailure = catchThrowableOfType(DependencyUnavailableException.class, () -> client.fire(TENANT, ALERT));

    assertThat(fastFailure).hasMessageContaining("circuit breaker is open");
    assertThat(survey.calls()).hasSize(callsSoFar);
  }
}
