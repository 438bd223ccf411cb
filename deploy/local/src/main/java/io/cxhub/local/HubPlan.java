package io.cxhub.local;

import io.cxhub.gateway.GatewayApplication;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What to start, in start order, with the explicit properties of each context: every
 * port is fixed first (free ones chosen for 0), so that each service and the gateway are
 * told their peers' addresses before anything starts.
 */
final class HubPlan {

  static final String LOOPBACK = "127.0.0.1";
  private static final String GATEWAY = GatewayApplication.NAME;

  private HubPlan() {}

  /** One context to start: its name, application builder and properties. */
  record Launch(String name, Supplier<SpringApplicationBuilder> builder, Map<String, String> properties) {}

  /**
   * Resolves every port, then derives each context's properties from the same port plan.
   *
   * @param databaseUri connection string of a database by name, e.g. {@code cx_survey}
   */
  static List<Launch> of(LocalConfig config, Function<String, String> databaseUri) {
    return of(config, databaseUri, Map.of());
  }

  /**
   * @param overrides further properties by context name (e.g. the demo outbox's SMTP server
   *     for survey-service), applied last
   */
  static List<Launch> of(LocalConfig config, Function<String, String> databaseUri,
      Map<String, Map<String, String>> overrides) {
    try (var free = new FreePorts()) {
      var ports = new EnumMap<HubService, LocalConfig.ServicePorts>(HubService.class);
      for (var service : HubService.startOrder()) {
        var configured = config.ports(service);
        ports.put(service, new LocalConfig.ServicePorts(
            free.resolve(configured.grpc()), free.resolve(configured.http())));
      }
      int gatewayPort = free.resolve(config.gatewayPort());
      int managementPort = free.resolve(config.gatewayManagementPort());
      String publicUrl = publicUrl(config, gatewayPort);

      var launches = new ArrayList<Launch>();
      for (var service : HubService.startOrder()) {
        var p = serviceProperties(service, ports, databaseUri, publicUrl);
        p.putAll(overrides.getOrDefault(service.serviceName(), Map.of()));
        launches.add(new Launch(service.serviceName(), service.builder(), p));
      }
      var p = gatewayProperties(config, gatewayPort, managementPort, ports, databaseUri, publicUrl);
      p.putAll(overrides.getOrDefault(GATEWAY, Map.of()));
      launches.add(new Launch(GATEWAY, GatewayApplication::builder, p));
      return launches;
    }
  }

  /**
   * Where respondents reach the hub: {@code CX_PUBLIC_URL} when set, else the gateway's
   * own URL. Every survey link and QR code starts with it.
   */
  static String publicUrl(LocalConfig config, int gatewayPort) {
    return config.publicUrl().orElseGet(() -> {
      String host = config.gatewayAddress().isBlank() || config.gatewayAddress().equals("0.0.0.0")
          ? "localhost" : config.gatewayAddress();
      return "http://" + host + ":" + gatewayPort;
    });
  }

  private static Map<String, String> serviceProperties(HubService service,
      Map<HubService, LocalConfig.ServicePorts> ports, Function<String, String> databaseUri,
      String publicUrl) {
    var p = ContextStarter.common();
    // one public address for every context (survey links, QR codes, invitations, pages)
    p.put("cx.public-url", publicUrl);
    p.put("spring.application.name", service.serviceName());
    p.put("spring.data.mongodb.uri", databaseUri.apply(service.database()));
    // Services are reached through the gateway only. Actuator listens on loopback. gRPC
    // cannot: spring-grpc 0.12 builds its server from the port alone and binds every
    // interface, so the kit's loopback-only interceptor refuses any call from another host.
    p.put("spring.grpc.server.port", Integer.toString(ports.get(service).grpc()));
    p.put("cx.grpc.loopback-only", "true");
    ephemeralTrust(p);
    if (service == HubService.SURVEY) {
      // the local run may send webhooks to a receiver on this machine (loopback only: private,
      // link-local and metadata addresses stay refused)
      p.put("cx.survey.webhooks.allow-loopback-targets", "true");
    }
    p.put("server.address", LOOPBACK);
    p.put("server.port", Integer.toString(ports.get(service).http()));
    service.peers().forEach((key, peer) ->
        p.put("cx.peers." + key, LOOPBACK + ":" + ports.get(peer).grpc()));
    // what the gateway's libraries would switch on in a service sharing its class path
    p.put("spring.cloud.gateway.server.webflux.enabled", "false");
    p.put("spring.web.resources.add-mappings", "false");
    return p;
  }

  private static Map<String, String> gatewayProperties(LocalConfig config, int gatewayPort, int managementPort,
      Map<HubService, LocalConfig.ServicePorts> ports, Function<String, String> databaseUri,
      String publicUrl) {
    var p = ContextStarter.common();
    p.put("spring.application.name", GATEWAY);
    ephemeralTrust(p);
    p.put("cx.public-url", publicUrl);
    p.put("spring.data.mongodb.uri", databaseUri.apply("cx_gateway"));
    p.put("server.address", config.gatewayAddress());
    p.put("server.port", Integer.toString(gatewayPort));
    // health and metrics on their own port, on loopback like the services' actuators
    p.put("management.server.address", LOOPBACK);
    p.put("management.server.port", Integer.toString(managementPort));
    HubService.gatewayBackends().forEach((key, service) ->
        p.put("cx.gateway.backends." + key, LOOPBACK + ":" + ports.get(service).grpc()));
    config.bootstrapApiKey().ifPresent(key -> p.put("cx.gateway.bootstrap-api-key", key));
    // plain HTTP on loopback: a Secure session cookie would not come back from every browser;
    // CX_SESSION_COOKIE_SECURE (read by gateway.yml) decides whenever it is set
    if (isLoopback(config.gatewayAddress()) && System.getenv("CX_SESSION_COOKIE_SECURE") == null) {
      p.put("cx.gateway.session.cookie-secure", "false");
    }
    // the services' gRPC server auto-configuration is on the shared class path; the gateway serves none
    p.put("spring.grpc.server.enabled", "false");
    return p;
  }

  /**
   * Service-to-service trust with keys generated at start and kept in memory: each context
   * signs with its own ephemeral key, every context of this JVM trusts the others', and no
   * other process can sign (a CX_TRUST_SIGNING_KEY from the environment would give every
   * context the same file key under different names, so it is blanked here).
   * {@code CX_TRUST_TRUSTED_KEYS} may name public keys of outside tools (a benchmark, an
   * operator's gRPC client) that every context trusts as well.
   */
  private static void ephemeralTrust(Map<String, String> p) {
    p.put("cx.trust.signing-key", "");
    p.put("cx.trust.trusted-keys", Optional.ofNullable(System.getenv("CX_TRUST_TRUSTED_KEYS")).orElse(""));
  }

  static boolean isLoopback(String address) {
    return address.equals("127.0.0.1") || address.equals("localhost") || address.equals("::1");
  }
}
