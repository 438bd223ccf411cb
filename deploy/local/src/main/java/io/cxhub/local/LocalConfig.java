package io.cxhub.local;

import io.cxhub.local.demo.DemoOutbox;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the one-jar launcher needs to know. A port of 0 means "any free port".
 *
 * @param dataDir folder of the embedded MongoDB file ({@code cx-hub.mv.db})
 * @param mongoPort port of the embedded MongoDB on 127.0.0.1
 * @param gatewayAddress interface the gateway binds to; the services always bind to 127.0.0.1
 * @param gatewayPort HTTP port of the gateway, the only public entry point
 * @param gatewayManagementPort the gateway's actuator (health, Prometheus metrics), on
 *     127.0.0.1 only: never the public port
 * @param servicePorts gRPC and actuator ports of each service
 * @param bootstrapApiKey admin API key to install at start; empty lets the gateway
 *     generate one when it has no admin key yet
 * @param startThreads how many contexts start at the same time
 * @param publicUrl the address respondents reach the hub at ({@code CX_PUBLIC_URL}): the
 *     base of every survey link and QR code; empty means the gateway's own URL
 * @param demoOutbox the channels whose messages go to the local {@link DemoOutbox} instead of
 *     a real server: only with {@code --demo}, and only those the user configured no server
 *     or provider for ({@link #withDemoOutbox}); empty for every other run
 */
public record LocalConfig(
    Path dataDir,
    int mongoPort,
    String gatewayAddress,
    int gatewayPort,
    int gatewayManagementPort,
    Map<HubService, ServicePorts> servicePorts,
    Optional<String> bootstrapApiKey,
    int startThreads,
    Optional<String> publicUrl,
    Set<DemoOutbox.Channel> demoOutbox) {

  /**
   * Start-up is CPU-bound (class loading, JIT); on the 2-core reference machine two
   * contexts at a time roughly halve the start time, five at a time make it slower than
   * one (see deploy/local/README.md).
   */
  static final int DEFAULT_START_THREADS = 2;

  /** Ports of one service. */
  public record ServicePorts(int grpc, int http) {
    public ServicePorts {
      checkPort("gRPC", grpc);
      checkPort("HTTP", http);
    }
  }

  public LocalConfig {
    checkPort("MongoDB", mongoPort);
    checkPort("gateway", gatewayPort);
    checkPort("gateway management", gatewayManagementPort);
    servicePorts = Map.copyOf(servicePorts);
    for (var service : HubService.values()) {
      if (!servicePorts.containsKey(service)) {
        throw new IllegalArgumentException("no ports given for " + service.serviceName());
      }
    }
    bootstrapApiKey = bootstrapApiKey.filter(key -> !key.isBlank());
    publicUrl = publicUrl.map(String::strip).filter(url -> !url.isEmpty()).map(LocalConfig::checkPublicUrl);
    if (startThreads < 1) {
      throw new IllegalArgumentException("startThreads must be at least 1, not " + startThreads);
    }
    demoOutbox = Set.copyOf(demoOutbox);
  }

  /**
   * Reads the configuration from environment variables, with the defaults of the quick
   * start: data in {@code ./data}, gateway on 127.0.0.1:8080 (its actuator on
   * 127.0.0.1:8090), services on 9091-9094 (gRPC) and 8081-8084 (actuator).
   *
   * <ul>
   *   <li>{@code CX_DATA_DIR}, {@code CX_MONGO_PORT} (default: a free port)</li>
   *   <li>{@code GATEWAY_ADDRESS} (default 127.0.0.1; 0.0.0.0 to accept other hosts),
   *       {@code GATEWAY_PORT}, {@code GATEWAY_MANAGEMENT_PORT}</li>
   *   <li>{@code SURVEY_GRPC_PORT}, {@code SURVEY_HTTP_PORT}, and likewise {@code METRICS_},
   *       {@code PERSONA_}, {@code JOURNEY_}</li>
   *   <li>{@code CX_BOOTSTRAP_API_KEY}</li>
   *   <li>{@code CX_START_THREADS} (default 2): contexts started at the same time</li>
   *   <li>{@code CX_PUBLIC_URL} (default: the gateway's URL): base of survey links and QR codes</li>
   * </ul>
   */
  public static LocalConfig fromEnvironment(Map<String, String> env) {
    var ports = new EnumMap<HubService, ServicePorts>(HubService.class);
    for (var service : HubService.values()) {
      ports.put(service, new ServicePorts(
          port(env, service.envPrefix() + "_GRPC_PORT", service.defaultGrpcPort()),
          port(env, service.envPrefix() + "_HTTP_PORT", service.defaultHttpPort())));
    }
    return new LocalConfig(
        Path.of(env.getOrDefault("CX_DATA_DIR", "data")),
        port(env, "CX_MONGO_PORT", 0),
        env.getOrDefault("GATEWAY_ADDRESS", "127.0.0.1"),
        port(env, "GATEWAY_PORT", 8080),
        port(env, "GATEWAY_MANAGEMENT_PORT", 8090),
        ports,
        Optional.ofNullable(env.get("CX_BOOTSTRAP_API_KEY")),
        positive(env, "CX_START_THREADS", DEFAULT_START_THREADS),
        Optional.ofNullable(env.get("CX_PUBLIC_URL")),
        Set.of());
  }

  /** Every port free and chosen at start, gateway on loopback: for tests and side-by-side runs. */
  public static LocalConfig onFreePorts(Path dataDir) {
    var ports = new EnumMap<HubService, ServicePorts>(HubService.class);
    for (var service : HubService.values()) {
      ports.put(service, new ServicePorts(0, 0));
    }
    return new LocalConfig(dataDir, 0, "127.0.0.1", 0, 0, ports, Optional.empty(), DEFAULT_START_THREADS,
        Optional.empty(), Set.of());
  }

  public LocalConfig withBootstrapApiKey(String key) {
    return new LocalConfig(dataDir, mongoPort, gatewayAddress, gatewayPort, gatewayManagementPort, servicePorts,
        Optional.of(key), startThreads, publicUrl, demoOutbox);
  }

  public LocalConfig withDataDir(Path dir) {
    return new LocalConfig(dir, mongoPort, gatewayAddress, gatewayPort, gatewayManagementPort, servicePorts,
        bootstrapApiKey, startThreads, publicUrl, demoOutbox);
  }

  public LocalConfig withPublicUrl(String url) {
    return new LocalConfig(dataDir, mongoPort, gatewayAddress, gatewayPort, gatewayManagementPort, servicePorts,
        bootstrapApiKey, startThreads, Optional.of(url), demoOutbox);
  }

  /**
   * For {@code --demo}: the demo's invitations go to a local {@link DemoOutbox} on each channel
   * the environment configures no server for ({@code CX_SMTP_HOST} for e-mail, {@code CX_SMS_URL}
   * for SMS); a server of the user's own is left alone (and the demo sends no campaign on it).
   */
  public LocalConfig withDemoOutbox(Map<String, String> env) {
    var channels = EnumSet.noneOf(DemoOutbox.Channel.class);
    if (isBlank(env.get("CX_SMTP_HOST"))) {
      channels.add(DemoOutbox.Channel.MAIL);
    }
    if (isBlank(env.get("CX_SMS_URL"))) {
      channels.add(DemoOutbox.Channel.SMS);
    }
    return new LocalConfig(dataDir, mongoPort, gatewayAddress, gatewayPort, gatewayManagementPort, servicePorts,
        bootstrapApiKey, startThreads, publicUrl, channels);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public ServicePorts ports(HubService service) {
    return servicePorts.get(service);
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.trim());
      checkPort(name, port);
      return port;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + value + "'");
    }
  }

  private static int positive(Map<String, String> env, String name, int defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
  }

  private static String checkPublicUrl(String url) {
    String withoutSlash = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      var uri = java.net.URI.create(withoutSlash);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return withoutSlash;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "CX_PUBLIC_URL must be an absolute http(s) URL such as https://feedback.example.com, not '" + url + "'");
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(what + " port must be from 0 to 65535, not " + port);
    }
  }

  @Override
  public String toString() {
    // never print the key
    return "LocalConfig[dataDir=" + dataDir + ", mongoPort=" + mongoPort + ", gateway="
        + gatewayAddress + ":" + gatewayPort + ", servicePorts=" + servicePorts
        + ", bootstrapApiKey=" + (bootstrapApiKey.isPresent() ? "<set>" : "<none>")
        + ", startThreads=" + startThreads + ", publicUrl=" + publicUrl.orElse("<gateway>")
        + ", demoOutbox=" + demoOutbox + "]";
  }
}
