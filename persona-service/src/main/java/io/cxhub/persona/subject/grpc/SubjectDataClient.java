package io.cxhub.persona.subject.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.subject.SubjectData;
import io.cxhub.proto.common.v1.EraseSubjectDataRequest;
import io.cxhub.proto.common.v1.ExportSubjectDataRequest;
import io.cxhub.proto.common.v1.SubjectDataServiceGrpc;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client of another service's part of data-subject requests (its internal
 * {@code cx.common.v1.SubjectDataService}): owns the stub, the per-call deadline and the
 * Resilience4j circuit breaker named after the peer. Failures are thrown as they come: the
 * tracked request records them and retries the part later.
 */
public final class SubjectDataClient implements SubjectData {

  private final String service;
  private final ManagedChannel channel;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /**
   * @param service the peer's short name ({@code survey}, {@code metrics}, {@code journey})
   * @param channel the channel to the peer; its owner shuts it down
   */
  public SubjectDataClient(String service, ManagedChannel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.service = service;
    this.channel = channel;
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public long erase(String tenantId, String customerId, String requestId) {
    var request = EraseSubjectDataRequest.newBuilder().setCustomerId(customerId).setRequestId(requestId).build();
    return call(tenantId, () -> stub().eraseSubjectData(request).getItemsErased());
  }

  @Override
  public Section export(String tenantId, String customerId, String requestId) {
    var request = ExportSubjectDataRequest.newBuilder().setCustomerId(customerId).setRequestId(requestId).build();
    return call(tenantId, () -> {
      var reply = stub().exportSubjectData(request);
      return new Section(reply.getJson().isEmpty() ? "{}" : reply.getJson(), reply.getItems());
    });
  }

  private SubjectDataServiceGrpc.SubjectDataServiceBlockingStub stub() {
    return SubjectDataServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a call as the tenant, through the circuit breaker. */
  private <T> T call(String tenantId, Supplier<T> call) {
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    Context tenantContext = TenantContext.withTenant(tenantId);
    Context previous = tenantContext.attach();
    try {
      return circuitBreaker.executeSupplier(call);
    } finally {
      tenantContext.detach(previous);
    }
  }
}
