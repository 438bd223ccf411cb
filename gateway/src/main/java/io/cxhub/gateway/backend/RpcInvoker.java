package io.cxhub.gateway.backend;

import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.catalog.RpcMethod;
import io.cxhub.kit.trust.CallerTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Calls RPCs on their backends without blocking: gRPC's asynchronous stubs bridged to
 * Reactor. Each call carries the tenant and request id as metadata, a deadline (unary
 * calls), and goes through the backend's circuit breaker. Cancelling the returned
 * publisher (the HTTP client went away) cancels the gRPC call.
 */
public final class RpcInvoker {

  private final Backends backends;
  private final CircuitBreakerRegistry breakers;
  private final Duration deadline;
  private final CallerTokens tokens;

  /**
   * @param tokens signs the caller token of each call: the services take the tenant from it
   */
  public RpcInvoker(Backends backends, CircuitBreakerRegistry breakers, Duration deadline, CallerTokens tokens) {
    this.backends = backends;
    this.breakers = breakers;
    this.deadline = deadline;
    this.tokens = tokens;
  }

  /** Calls a unary RPC. Fails with the call's {@link io.grpc.StatusRuntimeException}, or
   * {@link CallNotPermittedException} while the backend's circuit is open. */
  public Mono<DynamicMessage> unary(RpcMethod rpc, DynamicMessage request, CallContext context) {
    return Mono.deferContextual(reactorContext -> {
      Observation parent = parent(reactorContext);
      Channel channel = backends.channel(rpc.backend()).orElse(null);
      if (channel == null) {
        return Mono.error(Status.UNAVAILABLE
            .withDescription("no backend '" + rpc.backend() + "' is configured").asRuntimeException());
      }
      CircuitBreaker breaker = breakers.circuitBreaker(rpc.backend());
      if (!breaker.tryAcquirePermission()) {
        return Mono.error(CallNotPermittedException.createCallNotPermittedException(breaker));
      }
      long start = breaker.getCurrentTimestamp();
      Mono<DynamicMessage> call = Mono.create(sink -> {
        ClientCall<DynamicMessage, DynamicMessage> clientCall = newCall(channel, rpc, context, parent,
            CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        var cancelled = new AtomicBoolean();
        sink.onCancel(() -> {
          cancelled.set(true);
          clientCall.cancel("the HTTP client went away", null);
        });
        ClientCalls.asyncUnaryCall(clientCall, request, new StreamObserver<>() {
          private DynamicMessage response;

          @Override
          public void onNext(DynamicMessage value) {
            response = value;
          }

          @Override
          public void onError(Throwable error) {
            if (!cancelled.get()) {
              sink.error(error);
            }
          }

          @Override
          public void onCompleted() {
            if (response == null) {
              sink.error(Status.INTERNAL.withDescription("no response message").asRuntimeException());
            } else {
              sink.success(response);
            }
          }
        });
      });
      return call
          .doOnSuccess(response -> breaker.onSuccess(elapsed(breaker, start), breaker.getTimestampUnit()))
          .doOnError(error -> breaker.onError(elapsed(breaker, start), breaker.getTimestampUnit(), error))
          .doOnCancel(breaker::releasePermission);
    });
  }

  /**
   * Calls a server-streaming RPC, with the subscriber's demand as gRPC flow control. No
   * deadline: a stream (a live feed) lasts as long as the client listens.
   */
  public Flux<DynamicMessage> serverStreaming(RpcMethod rpc, DynamicMessage request, CallContext context) {
    return Flux.deferContextual(reactorContext -> {
      Observation parent = parent(reactorContext);
      Channel channel = backends.channel(rpc.backend()).orElse(null);
      if (channel == null) {
        return Flux.error(Status.UNAVAILABLE
            .withDescription("no backend '" + rpc.backend() + "' is configured").asRuntimeException());
      }
      CircuitBreaker breaker = breakers.circuitBreaker(rpc.backend());
      if (!breaker.tryAcquirePermission()) {
        return Flux.error(CallNotPermittedException.createCallNotPermittedException(breaker));
      }
      long start = breaker.getCurrentTimestamp();
      Flux<DynamicMessage> stream = Flux.create(sink -> {
        ClientCall<DynamicMessage, DynamicMessage> clientCall =
            newCall(channel, rpc, context, parent, CallOptions.DEFAULT);
        var cancelled = new AtomicBoolean();
        ClientCalls.asyncServerStreamingCall(clientCall, request,
            new ClientResponseObserver<DynamicMessage, DynamicMessage>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<DynamicMessage> requestStream) {
                requestStream.disableAutoRequestWithInitial(1);
              }

              @Override
              public void onNext(DynamicMessage value) {
                sink.next(value);
              }

              @Override
              public void onError(Throwable error) {
                if (!cancelled.get()) {
                  sink.error(error);
                }
              }

              @Override
              public void onCompleted() {
                sink.complete();
              }
            });
        // the call has started: demand beyond the first message becomes gRPC flow control
        sink.onRequest(n -> clientCall.request((int) Math.min(n, Integer.MAX_VALUE)));
        sink.onCancel(() -> {
          cancelled.set(true);
          clientCall.cancel("the HTTP client went away", null);
        });
      });
      return stream
          .doOnComplete(() -> breaker.onSuccess(elapsed(breaker, start), breaker.getTimestampUnit()))
          .doOnError(error -> breaker.onError(elapsed(breaker, start), breaker.getTimestampUnit(), error))
          .doOnCancel(breaker::releasePermission);
    });
  }

  private ClientCall<DynamicMessage, DynamicMessage> newCall(
      Channel channel, RpcMethod rpc, CallContext context, Observation parent, CallOptions options) {
    Channel withMetadata = ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(context.toMetadata(tokens, rpc.grpcMethod().getServiceName())));
    if (parent != null) {
      withMetadata = ClientInterceptors.intercept(withMetadata, new WithinObservation(parent));
    }
    return withMetadata.newCall(rpc.grpcMethod(), options);
  }

  /** The HTTP request's observation, which WebFlux keeps in the Reactor context. */
  private static Observation parent(ContextView reactorContext) {
    return reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
  }

  /**
   * Makes the HTTP request's observation current while a call is created and started, on
   * whatever thread that happens: the gRPC client observation of the backend channel
   * becomes its child, and the call's metadata carries the request's trace.
   */
  private static final class WithinObservation implements ClientInterceptor {
    private final Observation parent;

    WithinObservation(Observation parent) {
      this.parent = parent;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      try (var scope = parent.openScope()) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            try (var started = parent.openScope()) {
              super.start(listener, headers);
            }
          }
        };
      }
    }
  }

  private static long elapsed(CircuitBreaker breaker, long start) {
    return breaker.getCurrentTimestamp() - start;
  }
}
