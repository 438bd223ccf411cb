package io.cxhub.gateway.transcode;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.backend.BackendFailures;
import io.cxhub.gateway.backend.Backends;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.testing.FakeSurveyService;
import io.cxhub.gateway.testing.FakeTicker;
import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InProcessBackend;
import io.cxhub.gateway.testing.TickerProto;
import io.cxhub.gateway.web.RequestBodyLimitGatewayFilterFactory;
import io.cxhub.gateway.web.RequestIdGatewayFilterFactory;
import io.cxhub.proto.metrics.v1.EventServiceGrpc;
import io.cxhub.proto.metrics.v1.ImportEventsRequest;
import io.cxhub.proto.metrics.v1.ImportEventsResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.util.unit.DataSize;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.scheduler.Schedulers;

class TranscodeGatewayFilterFactoryTest {

  private static final String KEY = "cxk_acme-member";

  private final FakeSurveyService survey = new FakeSurveyService();
  private final FakeEventService events = new FakeEventService();
  private final InProcessBackend backend =
      new InProcessBackend(survey.definition(), TickerProto.service(), events.definition());
  private final GatewayFilter requestId = new RequestIdGatewayFilterFactory(() -> "req-1").apply(new Object());
  private final GatewayFilter match;
  private final GatewayFilter authentication;
  private final GatewayFilter transcode;

  TranscodeGatewayFilterFactoryTest() {
    var bindings = new ArrayList<HttpBinding>(CATALOG.bindings());
    bindings.add(TickerProto.binding());
    match = new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(bindings), PROBLEMS).apply(new Object());
    var keys = new InMemoryApiKeys();
    keys.insert(io.cxhub.gateway.testing.TestKeys.key(KEY, "acme", Role.ANALYST,
        io.cxhub.gateway.apikey.Scope.all()).toBuilder().keyId("k1").build());
    authentication = new ApiKeyAuthenticationGatewayFilterFactory(
        new ApiKeyVerifier(keys, Duration.ofSeconds(30), 100, new FakeTicker(), Schedulers.immediate()), PROBLEMS)
        .apply(new Object());
    var invoker = new RpcInvoker(
        Backends.connect(Map.of(),
            Map.of("survey", backend.channel(), "ticker", backend.channel(), "metrics", backend.channel())),
        CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().recordException(BackendFailures::isFailure).build()),
        Duration.ofSeconds(5), new io.cxhub.kit.trust.CallerTokens(io.cxhub.kit.trust.TrustKeys.ephemeral("gateway")));
    transcode = new TranscodeGatewayFilterFactory(new RequestMessageFactory(new ProtoJsonReader(CATALOG.typeRegistry())),
        new ProtoJsonWriter(CATALOG.typeRegistry()), invoker, PROBLEMS).apply(new Object());
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void answersWithTheRepliesJsonAndForwardsTheKeysTenant() {
    var exchange = run(MockServerHttpRequest.get("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    var body = jsonBody(exchange);
    assertThat(body.path("surveyId").asText()).isEqualTo("s1");
    assertThat(body.path("state").asText()).isEqualTo("SURVEY_STATE_ACTIVE");
    assertThat(body.path("description").asText()).isEmpty();
    assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("acme");
    assertThat(survey.lastCall().get(FakeSurveyService.REQUEST_ID)).isEqualTo("req-1");
  }

  @Test
  void callsAPartnerSubmissionWithTheKeysTenantAndTheRespondentContext() {
    var exchange = run(MockServerHttpRequest.post("/v1/surveys/s1/responses").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
        .body("{\"answers\":[{\"questionId\":\"nps\",\"score\":9}],\"channel\":\"CHANNEL_QR\","
            + "\"context\":{\"customerId\":\"cust-42\"}}"));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    assertThat(jsonBody(exchange).path("answers").get(0).path("score").asInt()).isEqualTo(9);
    assertThat(jsonBody(exchange).path("context").path("customerId").asText()).isEqualTo("cust-42");
    assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("acme");
  }

  @Test
  void turnsTheBackendsFieldViolationsIntoAProblem() {
    var exchange = run(MockServerHttpRequest.post("/v1/surveys/s1/responses").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
        .body("{\"answers\":[{\"questionId\":\"nps\",\"score\":11}]}"));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
    assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    var problem = jsonBody(exchange);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("answers[0].score");
    assertThat(problem.path("instance").asText()).isEqualTo("/v1/surveys/s1/responses");
    assertThat(problem.path("requestId").asText()).isEqualTo("req-1");
  }

  @Test
  void refusesAnInvalidBodyWithoutCallingTheBackend() {
    var exchange = run(MockServerHttpRequest.post("/v1/surveys/s1/responses").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
        .body("{\"answers\":[{\"score\":\"nine\"}]}"));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
    assertThat(jsonBody(exchange).path("errors").get(0).path("field").asText()).isEqualTo("answers[0].score");
    assertThat(survey.callCount()).isZero();
  }

  @Test
  void mapsBackendStatusesToHttpStatuses() {
    var missing = run(MockServerHttpRequest.get("/v1/surveys/missing").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
    var down = run(MockServerHttpRequest.get("/v1/surveys/down").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

    assertThat(missing.getResponse().getStatusCode().value()).isEqualTo(404);
    assertThat(jsonBody(missing).path("detail").asText()).isEqualTo("Survey 'missing' does not exist.");
    assertThat(down.getResponse().getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void streamsServerStreamingRepliesAsServerSentEvents() {
    var exchange = run(MockServerHttpRequest.get("/v1/ticks?count=2").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    assertThat(exchange.getResponse().getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
    assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("data: {\"n\":\"1\"}\n\ndata: {\"n\":\"2\"}\n\n");
  }

  @Test
  void answersAStreamRefusedAtOnceWithItsHttpStatus() {
    var exchange = run(MockServerHttpRequest.get("/v1/ticks?count=-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
    assertThat(jsonBody(exchange).path("type").asText()).isEqualTo("urn:cx:problem:invalid-argument");
  }

  @Test
  void passesAnNdjsonBodyAsItIsToAnRpcTakingAnHttpBody() {
    String ndjson = "{\"eventId\":\"e1\"}\n{\"eventId\":\"e2\"}\n";

    var exchange = run(MockServerHttpRequest.post("/v1/events:import").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
        .contentType(MediaType.parseMediaType("application/x-ndjson")).body(ndjson));

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    assertThat(jsonBody(exchange).path("lines").asInt()).isEqualTo(2);
    assertThat(events.lastImport.getBody().getContentType()).isEqualTo("application/x-ndjson");
    assertThat(events.lastImport.getBody().getData().toStringUtf8()).isEqualTo(ndjson);
    assertThat(events.lastTenant).isEqualTo("acme");
  }

  @Test
  void refusesARawBodyOverTheLimitWith413BeforeCallingTheBackend() {
    GatewayFilter limit = new RequestBodyLimitGatewayFilterFactory(DataSize.ofBytes(64), PROBLEMS).apply(new Object());
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/events:import")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body("{\"eventId\":\"e1\",\"type\":\"EVENT_TYPE_VISIT\"}\n".repeat(3)));

    FilterChains.run(exchange, requestId, limit, match, authentication, transcode);

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
    assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(jsonBody(exchange).path("type").asText()).isEqualTo("urn:cx:problem:payload-too-large");
    assertThat(events.lastImport).isNull();
  }

  /** An EventService stand-in that answers an import with its line count. */
  private static final class FakeEventService extends EventServiceGrpc.EventServiceImplBase {
    volatile ImportEventsRequest lastImport;
    volatile String lastTenant;

    io.grpc.ServerServiceDefinition definition() {
      return io.grpc.ServerInterceptors.intercept(this, new io.grpc.ServerInterceptor() {
        @Override
        public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
            io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
          lastTenant = headers.get(FakeSurveyService.TENANT);
          return next.startCall(call, headers);
        }
      });
    }

    @Override
    public void importEvents(ImportEventsRequest request, StreamObserver<ImportEventsResponse> responses) {
      lastImport = request;
      int lines = (int) request.getBody().getData().toStringUtf8().lines().count();
      responses.onNext(ImportEventsResponse.newBuilder().setLines(lines).setRecorded(lines).build());
      responses.onCompleted();
    }
  }

  @Test
  void refusesToCallATenantRpcWhenNoFilterAuthenticatedTheCaller() {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/surveys/s1"));

    Throwable error = catchThrowable(() -> FilterChains.run(exchange, match, transcode));

    assertThat(error).isInstanceOf(IllegalStateException.class);
    assertThat(survey.callCount()).isZero();
  }

  private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
    return run(request.build());
  }

  private MockServerWebExchange run(MockServerHttpRequest request) {
    var exchange = MockServerWebExchange.from(request);
    assertThat(FilterChains.run(exchange, requestId, match, authentication, transcode))
        .as("Transcode ends the exchange itself").isNull();
    return exchange;
  }
}
