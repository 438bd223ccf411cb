package io.cxhub.gateway.transcode;

import com.google.protobuf.DynamicMessage;
import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.apikey.Caller;
import io.cxhub.gateway.backend.CallContext;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.problem.Problem;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import io.cxhub.gateway.web.RequestIdGatewayFilterFactory;
import io.cxhub.proto.common.v1.Access;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Transcode} route filter, the last one: turns the HTTP request into the RPC's
 * request message, calls the backend over gRPC and writes the reply as JSON (unary RPCs)
 * or as Server-Sent Events, one {@code data:} line of JSON per message (server-streaming
 * RPCs). It ends the exchange itself: nothing is proxied.
 *
 * <p>Failures become problem+json: the backend's gRPC status by Google's mapping, with its
 * field violations. A stream that fails after its first event ends with an
 * {@code event: error} carrying the problem.
 */
public class TranscodeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final Logger log = LoggerFactory.getLogger(TranscodeGatewayFilterFactory.class);
  private static final byte[] NO_BODY = new byte[0];

  private final RequestMessageFactory messages;
  private final ProtoJsonWriter json;
  private final RpcInvoker invoker;
  private final ProblemWriter problems;
  private final ClientAddresses clientAddresses;
  private final Duration sseCommitAfter;
  private final Duration sseHeartbeat;
  /** Markers merged into a stream of replies: a comment line to send, and the end of the replies. */
  private static final Object TICK = new Object();
  private static final Object END = new Object();

  public TranscodeGatewayFilterFactory(RequestMessageFactory messages, ProtoJsonWriter json, RpcInvoker invoker,
      ProblemWriter problems) {
    this(messages, json, invoker, problems, new ClientAddresses(false), Duration.ofMillis(200), Duration.ofSeconds(15));
  }

  public TranscodeGatewayFilterFactory(RequestMessageFactory messages, ProtoJsonWriter json, RpcInvoker invoker,
      ProblemWriter problems, ClientAddresses clientAddresses, Duration sseCommitAfter, Duration sseHeartbeat) {
    super(Object.class);
    this.clientAddresses = clientAddresses;
    this.sseCommitAfter = sseCommitAfter;
    this.sseHeartbeat = sseHeartbeat;
    this.messages = messages;
    this.json = json;
    this.invoker = invoker;
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var match = MatchHttpRuleGatewayFilterFactory.matched(exchange)
          .orElseThrow(() -> new IllegalStateException("Transcode must come after MatchHttpRule"));
      HttpBinding binding = match.binding();
      ServerWebExchangeUtils.setAlreadyRouted(exchange);
      CallContext context = callContext(exchange, binding);
      var request = exchange.getRequest();
      Mono<byte[]> body = binding.hasBody() ? readBody(exchange) : Mono.just(NO_BODY);
      return body
          .map(bytes -> HeaderFields.fill(messages.build(binding, match.variables(), request.getQueryParams(), bytes,
              request.getHeaders().getContentType()), request.getHeaders()))
          .flatMap(message -> binding.rpc().serverStreaming()
              ? (binding.rpc().returnsHttpBody()
                  ? streamBody(exchange, binding, message, context)
                  : stream(exchange, binding, message, context))
              : unary(exchange, binding, message, context))
          .onErrorResume(error -> fail(exchange, binding, error));
    };
  }

  private CallContext callContext(ServerWebExchange exchange, HttpBinding binding) {
    String requestId = RequestIdGatewayFilterFactory.requestId(exchange);
    if (binding.rpc().access() == Access.ACCESS_PUBLIC) {
      return new CallContext(Optional.empty(), requestId, clientAddresses.of(exchange.getRequest()));
    }
    // fail closed: a route that forgot the authentication filter must not reach a backend
    Caller caller = ApiKeyAuthenticationGatewayFilterFactory.caller(exchange)
        .orElseThrow(() -> new IllegalStateException("no authenticated caller: ApiKeyAuthentication must run first"));
    return new CallContext(Optional.of(caller.tenantId()), requestId, clientAddresses.of(exchange.getRequest()),
        Optional.of(caller.keyId()))
        .withCaller(caller.platformOperator() ? "PLATFORM_OPERATOR" : caller.role().name(),
            caller.scopes().stream().map(Enum::name).sorted().toList());
  }

  private static Mono<byte[]> readBody(ServerWebExchange exchange) {
    return DataBufferUtils.join(exchange.getRequest().getBody())
        .map(buffer -> {
          try {
            var bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
          } finally {
            DataBufferUtils.release(buffer);
          }
        })
        .defaultIfEmpty(NO_BODY);
  }

  private Mono<Void> unary(ServerWebExchange exchange, HttpBinding binding, DynamicMessage message,
      CallContext context) {
    return invoker.unary(binding.rpc(), message, context).flatMap(response -> {
      ServerHttpResponse http = exchange.getResponse();
      http.setStatusCode(HttpStatus.OK);
      if (binding.rpc().returnsHttpBody()) {
        var raw = HttpBodies.of(response);
        http.getHeaders().setContentType(raw.contentType());
        http.getHeaders().setContentLength(raw.data().length);
        return http.writeWith(Mono.fromSupplier(() -> http.bufferFactory().wrap(raw.data())));
      }
      byte[] body = json.writeResponse(binding, response);
      http.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      http.getHeaders().setContentLength(body.length);
      return http.writeWith(Mono.fromSupplier(() -> http.bufferFactory().wrap(body)));
    });
  }

  private Mono<Void> stream(ServerWebExchange exchange, HttpBinding binding, DynamicMessage message,
      CallContext context) {
    Flux<DynamicMessage> replies = invoker.serverStreaming(binding.rpc(), message, context);
    // comment ticks: the first one commits the headers if no reply came by then (a live feed
    // may stay silent for long), the next ones keep the connection open
    Flux<Object> ticks = Flux.interval(sseCommitAfter, sseHeartbeat).map(n -> TICK);
    Flux<Object> signals = Flux.merge(replies.cast(Object.class).concatWith(Mono.just(END)), ticks)
        .takeWhile(signal -> signal != END);
    // wait for the first signal, so that a call refused at once still gets its HTTP status
    return signals.switchOnFirst((first, all) -> {
      if (first.isOnError()) {
        return Flux.error(first.getThrowable());
      }
      return writeEvents(exchange, binding, all).thenMany(Flux.<Void>empty());
    }).then();
  }

  /**
   * A server-streaming RPC returning {@code google.api.HttpBody}: one HTTP body made of the
   * messages' {@code data} chunks, typed by the first message (e.g. a CSV export). A failure
   * before the first chunk gets its problem response; after it, the connection is cut so
   * that the client sees an incomplete body rather than a silently truncated one.
   */
  private Mono<Void> streamBody(ServerWebExchange exchange, HttpBinding binding, DynamicMessage message,
      CallContext context) {
    Flux<DynamicMessage> replies = invoker.serverStreaming(binding.rpc(), message, context);
    return replies.switchOnFirst((first, all) -> {
      if (first.isOnError()) {
        return Flux.error(first.getThrowable());
      }
      ServerHttpResponse http = exchange.getResponse();
      http.setStatusCode(HttpStatus.OK);
      if (first.hasValue()) {
        http.getHeaders().setContentType(HttpBodies.of(first.get()).contentType());
      }
      http.getHeaders().setCacheControl(CacheControl.noStore());
      Flux<DataBuffer> chunks = all.map(reply -> http.bufferFactory().wrap(HttpBodies.of(reply).data()));
      return http.writeAndFlushWith(chunks.map(Mono::just)).thenMany(Flux.<Void>empty());
    }).then();
  }

  private Mono<Void> writeEvents(ServerWebExchange exchange, HttpBinding binding, Flux<Object> replies) {
    ServerHttpResponse http = exchange.getResponse();
    http.setStatusCode(HttpStatus.OK);
    http.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
    http.getHeaders().setCacheControl(CacheControl.noStore());
    Flux<DataBuffer> events = replies
        .map(reply -> reply == TICK
            ? comment(http, http.isCommitted() ? "heartbeat" : "connected")
            : event(http, null, json.writeResponse(binding, (DynamicMessage) reply)))
        .onErrorResume(error -> {
          Problem problem = problems.complete(exchange, problemOf(exchange, binding, error));
          return Mono.just(event(http, "error", problems.toJson(problem)));
        });
    return http.writeAndFlushWith(events.map(Mono::just));
  }

  private static DataBuffer comment(ServerHttpResponse http, String text) {
    return http.bufferFactory().wrap((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  private static DataBuffer event(ServerHttpResponse http, String name, byte[] data) {
    // proto3 JSON printed without whitespace has no raw newline, so one data: line suffices
    String head = (name == null ? "" : "event: " + name + "\n") + "data: ";
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    DataBuffer buffer = http.bufferFactory().allocateBuffer(headBytes.length + data.length + 2);
    buffer.write(headBytes);
    buffer.write(data);
    buffer.write(new byte[] {'\n', '\n'});
    return buffer;
  }

  private Mono<Void> fail(ServerWebExchange exchange, HttpBinding binding, Throwable error) {
    RetryAfter.of(error).ifPresent(seconds ->
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    return problems.write(exchange, problemOf(exchange, binding, error));
  }

  private static Problem problemOf(ServerWebExchange exchange, HttpBinding binding, Throwable error) {
    Problem problem = Problems.from(error, binding.rpc().descriptor().getInputType(), binding.rpc().backend());
    if (problem.status() >= 500) {
      Status status = Status.fromThrowable(error);
      log.warn("rpc={} backend={} requestId={} failed: {} {}", binding.rpc().fullName(), binding.rpc().backend(),
          RequestIdGatewayFilterFactory.requestId(exchange), status.getCode(), status.getDescription(),
          status.getCode() == Status.Code.UNKNOWN ? error : null);
    }
    return problem;
  }
}
