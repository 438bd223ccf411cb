package io.cxhub.survey.invitation.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.grpc.PeerFailure;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.persona.v1.Customer;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.survey.invitation.CustomerDirectory;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client of persona-service for invitations: owns the stub (on the channel built from
 * {@code cx.peers.persona}), the deadline and the Resilience4j circuit breaker named
 * {@code persona}. Looks customers up by id, 500 per call (the RPC's limit), with the
 * caller's tenant in its signed caller token.
 *
 * <p>Fallback: none. A campaign whose recipients cannot be resolved is not created
 * ({@link DependencyUnavailableException}, UNAVAILABLE: the client may retry).
 */
public final class PersonaClient implements CustomerDirectory {

  static final int BATCH = 500;

  private final CustomerServiceBlockingStub stub;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /** @param channel the channel to persona-service; its owner shuts it down */
  public PersonaClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.stub = CustomerServiceGrpc.newBlockingStub(channel);
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
  }

  @Override
  public Map<String, String> emails(String tenantId, Collection<String> customerIds) {
    var ids = List.copyOf(customerIds);
    var found = new HashMap<String, String>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      var batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      for (Customer c : lookup(tenantId, batch)) {
        if (!c.getEmail().isBlank()) {
          found.put(c.getCustomerId(), c.getEmail().strip());
        }
      }
    }
    return found;
  }

  private List<Customer> lookup(String tenantId, List<String> ids) {
    try {
      return circuitBreaker.executeSupplier(() -> {
        Context tenantContext = TenantContext.withTenant(tenantId);
        Context previous = tenantContext.attach();
        try {
          return new ArrayList<>(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .lookupCustomers(LookupCustomersRequest.newBuilder().addAllCustomerIds(ids).build())
              .getCustomersList());
        } finally {
          tenantContext.detach(previous);
        }
      });
    } catch (CallNotPermittedException e) {
      throw unavailable("its circuit breaker is open after repeated failures", e);
    } catch (StatusRuntimeException e) {
      if (PeerFailure.is(e)) {
        throw unavailable(e.getStatus().getCode().name(), e);
      }
      throw new IllegalStateException("persona-service refused LookupCustomers: " + e.getStatus(), e);
    }
  }

  private static DependencyUnavailableException unavailable(String why, Throwable cause) {
    return new DependencyUnavailableException(
        "persona-service cannot find the recipients' e-mail addresses now (" + why + "); nothing was saved, retry later",
        cause);
  }
}
