package io.cxhub.kit.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another CX Hub service as one of its clients calls it: every call runs as the tenant (so
 * the kit's {@code TenantClientInterceptor} signs it into the caller token), with the
 * per-call deadline, through the peer's Resilience4j circuit breaker. The breaker's own
 * settings say which failures it counts ({@code record-failure-predicate:
 * io.cxhub.kit.grpc.PeerFailure}): it sees the call's {@link StatusRuntimeException} as it
 * came.
 *
 * <p>A call that brings no answer fails with one exception, {@link PeerCallException} (an
 * UNAVAILABLE {@code DependencyUnavailableException}); {@link #tryCall} turns it into the
 * degraded (empty) answer instead and logs it once at WARN with the tenant and the cause.
 * Anything else the call throws (a bug on this side) propagates as it is.
 */
public final class Peer {

  private static final Logger log = LoggerFactory.getLogger(Peer.class);

  private final String name;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /**
   * @param name the peer's name in messages and logs, e.g. {@code survey-service}
   * @param circuitBreaker the breaker named after the peer ({@code resilience4j.circuitbreaker.instances.…})
   * @param deadline of each call
   */
  public Peer(String name, CircuitBreaker circuitBreaker, Duration deadline) {
    this.name = Objects.requireNonNull(name);
    this.circuitBreaker = Objects.requireNonNull(circuitBreaker);
    this.deadline = Objects.requireNonNull(deadline);
  }

  /** The deadline of each call. */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Makes {@code rpc} on {@code stub} with the deadline, as {@code tenantId}, through the breaker.
   *
   * @throws PeerCallException when the breaker is open, or the call failed or was refused
   */
  public <S extends AbstractStub<S>, T> T call(String tenantId, S stub, Function<S, T> rpc) {
    var tenant = TenantContext.withTenant(tenantId);
    var previous = tenant.attach();
    try {
      return circuitBreaker.executeSupplier(
          () -> rpc.apply(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)));
    } catch (CallNotPermittedException e) {
      throw PeerCallException.breakerOpen(name, e);
    } catch (StatusRuntimeException e) {
      throw PeerCallException.failed(name, e.getStatus(), e);
    } finally {
      tenant.detach(previous);
    }
  }

  /**
   * {@link #call}, with an empty answer when the peer cannot give one: logged once at WARN
   * with {@code what} was not available, the tenant and the cause.
   */
  public <S extends AbstractStub<S>, T> Optional<T> tryCall(String tenantId, String what, S stub,
      Function<S, T> rpc) {
    try {
      return Optional.of(call(tenantId, stub, rpc));
    } catch (PeerCallException e) {
      log.warn("{} not available from {}, answering without it tenant={} cause={}", what, name, tenantId,
          e.getMessage());
      return Optional.empty();
    }
  }
}
