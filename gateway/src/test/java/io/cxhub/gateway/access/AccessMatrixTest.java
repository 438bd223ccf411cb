package io.cxhub.gateway.access;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Exchanges.PROBLEMS;
import static io.cxhub.gateway.testing.Exchanges.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.cxhub.gateway.admin.TestAdminServers;
import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.backend.BackendFailures;
import io.cxhub.gateway.backend.Backends;
import io.cxhub.gateway.backend.CallContext;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.HttpBinding;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.testing.AnyRpcBackend;
import io.cxhub.gateway.testing.FakeTicker;
import io.cxhub.gateway.testing.FilterChains;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryTenants;
import io.cxhub.gateway.testing.TestKeys;
import io.cxhub.gateway.transcode.HttpRuleRouter;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import io.cxhub.gateway.transcode.ProtoJsonReader;
import io.cxhub.gateway.transcode.ProtoJsonWriter;
import io.cxhub.gateway.transcode.RequestMessageFactory;
import io.cxhub.gateway.transcode.TranscodeGatewayFilterFactory;
import io.cxhub.gateway.web.RequestIdGatewayFilterFactory;
import io.cxhub.proto.common.v1.Access;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.scheduler.Schedulers;

/**
 * Generated from the contract: every RPC that has an HTTP rule, called by every kind of
 * caller (no key; a key of each role with each scope set; platform operator keys), on its
 * own tenant and on another one where the path names a tenant, through the gateway's real
 * filter chain (request id, rule matching, authentication, authorization, transcoding) to
 * backends: the gateway's real admin service, and a stand-in answering every other RPC.
 * The expected answer is derived from the declared rule alone, so a new RPC is covered
 * as soon as it is declared, and one without a rule fails {@link AccessRuleDeclarationTest}.
 */
class AccessMatrixTest {

  private static final String OWN = "acme";
  private static final String OTHER = "globex";
  private static final String REACHED = AccessMatrixTest.class.getName() + ".reached";
  private static final List<Set<Scope>> SCOPE_SETS = List.of(
      Set.of(Scope.READ), Set.of(Scope.INGEST), Set.of(Scope.WRITE), Scope.all());

  /** A kind of caller: its key's secret (null for none) and the key. */
  record Principal(String name, String secret, ApiKey key) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final InMemoryApiKeys keys = new InMemoryApiKeys();
  private static final InMemoryTenants tenants = new InMemoryTenants();
  private static final AnyRpcBackend stand_in = new AnyRpcBackend(CATALOG);
  private static final List<Principal> principals = principals();
  private static final Server server;
  private static final ManagedChannel channel;
  private static final TestAdminServers.Running admin;
  private static final List<GatewayFilter> chain;

  static {
    tenants.insert(new Tenant(OWN, "Acme", Instant.EPOCH));
    tenants.insert(new Tenant(OTHER, "Globex", Instant.EPOCH));
    String name = "matrix-" + UUID.randomUUID();
    try {
      server = InProcessServerBuilder.forName(name).fallbackHandlerRegistry(stand_in).directExecutor().build().start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    admin = TestAdminServers.start(tenants, keys);
    var channels = new HashMap<String, io.grpc.Channel>();
    CATALOG.backends().forEach(backend -> channels.put(backend, channel));
    channels.put("admin", admin.channel());
    var breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .recordException(BackendFailures::isFailure).build());
    var invoker = new RpcInvoker(Backends.connect(Map.of(), channels), breakers, Duration.ofSeconds(10),
        new io.cxhub.kit.trust.CallerTokens(io.cxhub.kit.trust.TrustKeys.ephemeral("gateway")));
    var verifier = new ApiKeyVerifier(keys, Duration.ofSeconds(30), 1000, new FakeTicker(), Schedulers.immediate());
    GatewayFilter markReached = (exchange, next) -> {
      exchange.getAttributes().put(REACHED, true);
      return next.filter(exchange);
    };
    chain = List.of(
        new RequestIdGatewayFilterFactory().apply(new Object()),
        new MatchHttpRuleGatewayFilterFactory(new HttpRuleRouter(CATALOG.bindings()), PROBLEMS).apply(new Object()),
        new ApiKeyAuthenticationGatewayFilterFactory(verifier, PROBLEMS).apply(new Object()),
        new AuthorizeGatewayFilterFactory(PROBLEMS).apply(new Object()),
        markReached,
        new TranscodeGatewayFilterFactory(new RequestMessageFactory(new ProtoJsonReader(CATALOG.typeRegistry())),
            new ProtoJsonWriter(CATALOG.typeRegistry()), invoker, PROBLEMS).apply(new Object()));
  }

  @AfterAll
  static void stop() {
    admin.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  private static List<Principal> principals() {
    var all = new ArrayList<Principal>();
    all.add(new Principal("no key", null, null));
    for (Role role : Role.values()) {
      for (Set<Scope> scopes : SCOPE_SETS) {
        String name = role + scopes.stream().sorted().map(Enum::name).toList().toString();
        String secret = "cxk_" + name.toLowerCase().replaceAll("[^a-z]", "");
        all.add(new Principal(name, secret, TestKeys.key(secret, OWN, role, EnumSet.copyOf(scopes))));
      }
    }
    // the platform operator, whatever its own role in its tenant
    all.add(new Principal("platform (VIEWER)", "cxk_platformviewer",
        TestKeys.key("cxk_platformviewer", OWN, Role.VIEWER, Scope.all()).toBuilder().platformOperator(true).build()));
    all.add(new Principal("platform (ADMIN)", "cxk_platformadmin", TestKeys.platform("cxk_platformadmin", OWN)));
    all.stream().filter(p -> p.key() != null).forEach(p -> keys.insert(p.key()));
    return all;
  }

  @TestFactory
  Stream<DynamicTest> everyRpcTimesEveryCallerTimesOwnAndOtherTenant() {
    assertThat(CATALOG.bindings()).hasSizeGreaterThan(40);
    return CATALOG.bindings().stream().map(binding -> DynamicTest.dynamicTest(
        binding.httpMethod() + " " + binding.path() + " (" + binding.rpc().name() + ")", () -> check(binding)));
  }

  private static void check(HttpBinding binding) {
    boolean namesTenant = binding.pathFields().contains(AccessPolicy.TENANT_PATH_FIELD);
    var failures = new ArrayList<String>();
    for (Principal principal : principals) {
      for (String tenant : namesTenant ? List.of(OWN, OTHER) : List.of(OWN)) {
        Expected expected = expected(binding, principal, namesTenant && tenant.equals(OTHER));
        var exchange = MockServerWebExchange.from(request(binding, principal, tenant));
        stand_in.clear();
        FilterChains.run(exchange, chain.toArray(GatewayFilter[]::new));
        boolean reached = Boolean.TRUE.equals(exchange.getAttribute(REACHED));
        int status = exchange.getResponse().getStatusCode() == null ? 200 : exchange.getResponse().getStatusCode().value();
        String outcome = principal + " on " + tenant + ": expected " + expected + ", got " + (reached ? "through" : "refused")
            + " with " + status;
        if (expected.allowed() != reached) {
          failures.add(outcome);
          continue;
        }
        if (!reached) {
          String detail = jsonBody(exchange).path("detail").asText();
          if (status != expected.status() || !detail.contains(expected.detailNames())) {
            failures.add(outcome + " (" + detail + ")");
          }
          continue;
        }
        // reached the backend: the service's own checks agree (no refusal) and the tenant is the key's
        if (status == 401 || status == 403 || (status == 404 && jsonBody(exchange).path("detail").asText()
            .equals(Tenant.notFoundMessage(tenant)))) {
          failures.add(outcome + " from the backend: " + jsonBody(exchange).path("detail").asText());
        }
        if (!binding.rpc().backend().equals("admin")) {
          var tenantSent = stand_in.calls().isEmpty() ? null
              : stand_in.calls().get(0).headers().get(CallContext.TENANT_ID);
          String wanted = binding.rpc().access() == Access.ACCESS_PUBLIC ? null : OWN;
          if (stand_in.calls().size() != 1 || !java.util.Objects.equals(tenantSent, wanted)) {
            failures.add(outcome + ": backend calls " + stand_in.calls().size() + ", tenant " + tenantSent);
          }
        }
      }
    }
    assertThat(failures).as(binding.rpc().fullName() + " " + binding.rpc().rule().toString().replace("\n", " ")).isEmpty();
  }

  /** What the declared rule says, written independently of {@link AccessPolicy}. */
  record Expected(boolean allowed, int status, String detailNames) {
    @Override
    public String toString() {
      return allowed ? "through" : status + " naming '" + detailNames + "'";
    }
  }

  private static Expected expected(HttpBinding binding, Principal principal, boolean otherTenant) {
    var rule = binding.rpc().rule();
    if (rule.getAudience() == Access.ACCESS_PUBLIC) {
      return new Expected(true, 200, "");
    }
    if (principal.key() == null) {
      return new Expected(false, 401, "API key");
    }
    ApiKey key = principal.key();
    if (rule.getAudience() == Access.ACCESS_PLATFORM) {
      return key.platformOperator() ? new Expected(true, 200, "") : new Expected(false, 403, "platform operator");
    }
    boolean namesTenant = binding.pathFields().contains(AccessPolicy.TENANT_PATH_FIELD);
    if (otherTenant && !key.platformOperator()) {
      return new Expected(false, 404, "Tenant '" + OTHER + "' does not exist.");
    }
    Role role = namesTenant && key.platformOperator() ? Role.ADMIN : key.role();
    Role needed = Role.valueOf(rule.getMinRole().name().replace("TENANT_ROLE_", ""));
    Scope scope = Scope.valueOf(rule.getScope().name().replace("SCOPE_", ""));
    if (role.compareTo(needed) < 0) {
      return new Expected(false, 403, rule.getMinRole().name());
    }
    if (!key.scopes().contains(scope)) {
      return new Expected(false, 403, rule.getScope().name());
    }
    return new Expected(true, 200, "");
  }

  private static MockServerHttpRequest request(HttpBinding binding, Principal principal, String tenant) {
    var values = new HashMap<String, String>();
    Descriptor input = binding.rpc().descriptor().getInputType();
    for (String field : binding.pathFields()) {
      values.put(field, field.equals(AccessPolicy.TENANT_PATH_FIELD) ? tenant : sample(input, field));
    }
    String path = binding.template().instantiate(values);
    var request = MockServerHttpRequest.method(HttpMethod.valueOf(binding.httpMethod()), path)
        .remoteAddress(new java.net.InetSocketAddress("192.0.2.10", 40000));
    if (principal.secret() != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + principal.secret());
    }
    if (!binding.hasBody()) {
      return request.build();
    }
    if (binding.takesRawBody()) {
      return request.contentType(MediaType.TEXT_PLAIN).body("raw");
    }
    return request.contentType(MediaType.APPLICATION_JSON).body("{}");
  }

  /** A value of the right type for a path variable. */
  private static String sample(Descriptor input, String fieldPath) {
    Descriptor type = input;
    FieldDescriptor field = null;
    for (String name : fieldPath.split("\\.")) {
      field = type.findFieldByName(name);
      type = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
    }
    return switch (field.getJavaType()) {
      case INT, LONG -> "1";
      case BOOLEAN -> "true";
      case ENUM -> field.getEnumType().getValues().get(field.getEnumType().getValues().size() - 1).getName();
      default -> "x1";
    };
  }
}
