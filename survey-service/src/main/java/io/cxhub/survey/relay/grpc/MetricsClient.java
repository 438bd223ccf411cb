package io.cxhub.survey.relay.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.grpc.PeerFailure;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc.MetricsServiceBlockingStub;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
import io.cxhub.survey.relay.DeliveryRejectedException;
import io.cxhub.survey.relay.DeliveryTimedOutException;
import io.cxhub.survey.relay.MetricsFeed;
import io.cxhub.survey.response.SurveyResponse;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client of metrics-service: owns the stub (on one channel built from
 * {@code cx.peers.metrics}), the per-attempt deadline, the Resilience4j retry and circuit
 * breaker named {@code metrics}, and the fallback.
 *
 * <p>Each call runs inside a gRPC context carrying the batch's tenant, so the kit's global
 * TenantClientInterceptor signs it into the call's caller token. Retrying is safe because
 * RecordResponses is idempotent per response id.
 *
 * <p>After an outage gRPC waits up to two minutes between reconnection attempts; the relay
 * has its own (shorter) backoff, so a delivery first asks a failed channel to reconnect now.
 *
 * <p>Fallback: when the circuit is open or the peer keeps failing, the call fails with
 * {@link DependencyUnavailableException}; the relay then leaves the responses pending and
 * backs off.
 */
public final class MetricsClient implements MetricsFeed {

  private final ManagedChannel channel;
  private final MetricsServiceBlockingStub stub;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;
  private final Duration deadline;

  /** @param channel the channel to metrics-service; its owner shuts it down */
  public MetricsClient(ManagedChannel channel, CircuitBreaker circuitBreaker, Retry retry, Duration deadline) {
    this.channel = channel;
    this.stub = MetricsServiceGrpc.newBlockingStub(channel);
    this.circuitBreaker = circuitBreaker;
    this.retry = retry;
    this.deadline = deadline;
  }

  @Override
  public Set<String> deliver(String tenantId, List<SurveyResponse> batch) {
    var request = RecordedResponseMapper.toRequest(batch);
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    Supplier<RecordResponsesResponse> attempt = () -> call(tenantId, request);
    Supplier<RecordResponsesResponse> guarded =
        Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
    try {
      return Set.copyOf(guarded.get().getRecordedResponseIdsList());
    } catch (CallNotPermittedException e) {
      throw new DependencyUnavailableException("metrics-service circuit breaker is open", e);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        throw new DeliveryTimedOutException("metrics-service did not answer " + batch.size() + " responses in "
            + deadline.toMillis() + " ms", e);
      }
      if (PeerFailure.is(e)) {
        throw new DependencyUnavailableException("metrics-service: " + e.getStatus(), e);
      }
      throw new DeliveryRejectedException("metrics-service refused the batch: " + e.getStatus(), e);
    }
  }

  private RecordResponsesResponse call(String tenantId, RecordResponsesRequest request) {
    Context tenantContext = TenantContext.withTenant(tenantId);
    Context previous = tenantContext.attach();
    try {
      return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).recordResponses(request);
    } finally {
      tenantContext.detach(previous);
    }
  }
}
