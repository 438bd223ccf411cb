package io.cxhub.survey.survey.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.grpc.PeerFailure;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.journey.v1.GetJourneyRequest;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc.JourneyServiceBlockingStub;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import io.cxhub.survey.survey.JourneyDirectory;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The client of journey-service: owns the stub (on the channel built from
 * {@code cx.peers.journey}), the deadline and the Resilience4j circuit breaker named
 * {@code journey}. Each call carries the caller's tenant in its signed caller token.
 *
 * <p>Fallback: none that could accept the link. When journey-service is down, too slow or
 * the circuit is open, the call fails with {@link DependencyUnavailableException}
 * (UNAVAILABLE: the client may retry) and the survey edit is not stored; a link is never
 * accepted unchecked. No retry here: the edit is interactive and the client retries.
 */
public final class JourneyClient implements JourneyDirectory {

  private final JourneyServiceBlockingStub stub;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /** @param channel the channel to journey-service; its owner shuts it down */
  public JourneyClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.stub = JourneyServiceGrpc.newBlockingStub(channel);
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
  }

  @Override
  public Optional<JourneyOutline> find(String tenantId, String journeyId) {
    try {
      return Optional.of(outline(circuitBreaker.executeSupplier(() -> call(tenantId, journeyId))));
    } catch (CallNotPermittedException e) {
      throw unavailable("its circuit breaker is open after repeated failures", e);
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
        return Optional.empty();
      }
      if (PeerFailure.is(e)) {
        throw unavailable(code.name(), e);
      }
      // anything else (e.g. our own tenant rejected) is a fault on this side, not a verdict on the link
      throw new IllegalStateException("journey-service refused GetJourney: " + e.getStatus(), e);
    }
  }

  private Journey call(String tenantId, String journeyId) {
    Context tenantContext = TenantContext.withTenant(tenantId);
    Context previous = tenantContext.attach();
    try {
      return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .getJourney(GetJourneyRequest.newBuilder().setJourneyId(journeyId).build());
    } finally {
      tenantContext.detach(previous);
    }
  }

  private static JourneyOutline outline(Journey journey) {
    var stages = new LinkedHashMap<String, Set<String>>();
    for (Stage stage : journey.getStagesList()) {
      stages.put(stage.getStageId(),
          stage.getTouchpointsList().stream().map(Touchpoint::getTouchpointId).collect(Collectors.toSet()));
    }
    return new JourneyOutline(journey.getJourneyId(), stages);
  }

  private static DependencyUnavailableException unavailable(String why, Throwable cause) {
    return new DependencyUnavailableException(
        "journey-service cannot check the survey's journey link now (" + why + "); nothing was saved, retry later",
        cause);
  }
}
