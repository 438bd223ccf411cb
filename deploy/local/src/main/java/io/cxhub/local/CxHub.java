package io.cxhub.local;

import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.gateway.GatewayApplication;
import io.cxhub.gateway.apikey.BootstrapApiKey;
import io.cxhub.local.demo.DemoOutbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * The whole hub in this JVM: the embedded MongoDB, the four services and the gateway,
 * each service and the gateway in its own Spring context with its own ports. Start it
 * with {@link #start(LocalConfig)}; {@link #close()} stops the gateway first, then the
 * services, then the database, so the data file is closed cleanly. With {@code --demo}
 * ({@link LocalConfig#demoOutbox()}) it also runs the demo's local mail and SMS sinks.
 */
public final class CxHub implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CxHub.class);
  private static final String LOOPBACK = HubPlan.LOOPBACK;
  private static final String GATEWAY = GatewayApplication.NAME;

  private final EmbeddedMongo mongo;
  private final Map<HubService, ConfigurableApplicationContext> services;
  private final ConfigurableApplicationContext gateway;
  private final String gatewayHost;
  private final AdminKey adminKey;
  private final Duration startupTime;
  private final Optional<DemoOutbox> demoOutbox;
  private boolean closed;

  private CxHub(EmbeddedMongo mongo, Map<HubService, ConfigurableApplicationContext> services,
      ConfigurableApplicationContext gateway, String gatewayHost, AdminKey adminKey,
      Duration startupTime, Optional<DemoOutbox> demoOutbox) {
    this.demoOutbox = demoOutbox;
    this.mongo = mongo;
    this.services = services;
    this.gateway = gateway;
    this.gatewayHost = gatewayHost;
    this.adminKey = adminKey;
    this.startupTime = startupTime;
  }

  /**
   * Starts the hub and returns once every context is ready. On failure, whatever had
   * started is stopped again before the exception propagates.
   */
  public static CxHub start(LocalConfig config) {
    long t0 = System.nanoTime();
    HubLogging.initialize();
    log.info("starting CX Hub: {}", config);
    EmbeddedMongo mongo = EmbeddedMongo.start(config.dataDir(), LOOPBACK, config.mongoPort());
    var started = Collections.synchronizedMap(new LinkedHashMap<String, ConfigurableApplicationContext>());
    Optional<DemoOutbox> outbox = Optional.empty();
    try {
      // --demo without a mail server or SMS provider of the user's: messages stay on this machine
      outbox = config.demoOutbox().isEmpty() ? Optional.empty()
          : Optional.of(DemoOutbox.start(config.dataDir(), config.demoOutbox()));
      var overrides = outbox.map(o -> Map.of(HubService.SURVEY.serviceName(), o.surveyServiceProperties(),
          GATEWAY, o.gatewayProperties())).orElse(Map.of());
      var plan = HubPlan.of(config, mongo::connectionString, overrides);
      var contexts = ContextStarter.startAll(plan, config.startThreads(), started);
      var services = new EnumMap<HubService, ConfigurableApplicationContext>(HubService.class);
      for (var service : HubService.startOrder()) {
        services.put(service, contexts.get(service.serviceName()));
      }
      var gateway = contexts.get(GATEWAY);
      var key = AdminKey.of(gateway.getBean(BootstrapApiKey.class), config.bootstrapApiKey());
      String host = config.gatewayAddress().equals("0.0.0.0") ? LOOPBACK : config.gatewayAddress();
      return new CxHub(mongo, services, gateway, host, key,
          Duration.ofNanos(System.nanoTime() - t0), outbox);
    } catch (RuntimeException | Error e) {
      log.error("CX Hub failed to start; stopping what had started", e);
      closeAll(new ArrayList<>(started.values()), mongo);
      outbox.ifPresent(DemoOutbox::close);
      throw e;
    }
  }

  /** The demo's local mail and SMS sinks, when this start has them ({@code --demo} only). */
  public Optional<DemoOutbox> demoOutbox() {
    return demoOutbox;
  }

  /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI gatewayUrl() {
    return URI.create("http://" + gatewayHost + ":" + gatewayPort());
  }

  /**
   * Where respondents reach the hub ({@code CX_PUBLIC_URL}, else the gateway's URL): the
   * base of every survey link and QR code.
   */
  public String publicUrl() {
    return gateway.getEnvironment().getProperty("cx.public-url", gatewayUrl().toString());
  }

  public int gatewayPort() {
    return httpPort(gateway);
  }

  /** The gateway's actuator port (health, Prometheus), on 127.0.0.1. */
  public int gatewayManagementPort() {
    return gateway.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
  }

  /**
   * Actual ports of a service. The gRPC port is 0 while the service has no gRPC endpoint
   * (spring-grpc starts a server only when there is a service to serve).
   */
  public LocalConfig.ServicePorts ports(HubService service) {
    var context = services.get(service);
    var grpc = context.getBeanProvider(GrpcServerLifecycle.class).getIfAvailable();
    return new LocalConfig.ServicePorts(grpc == null ? 0 : grpc.getPort(), httpPort(context));
  }

  /** The running Spring context of a service; for checks of how the hub wired it. */
  ConfigurableApplicationContext context(HubService service) {
    return services.get(service);
  }

  /** The gateway's Spring context (the launcher's own tools, e.g. {@code --demo}, use its beans). */
  ConfigurableApplicationContext gatewayContext() {
    return gateway;
  }

  /** The bootstrap admin key and where it comes from. */
  public AdminKey adminKey() {
    return adminKey;
  }

  /** The bootstrap admin key's secret, when given by configuration or generated on this start. */
  public Optional<String> bootstrapApiKey() {
    return adminKey.secret();
  }

  public Path dataFile() {
    return mongo.file();
  }

  /** host:port of the embedded MongoDB. */
  public String mongoAddress() {
    return mongo.address().getHostString() + ":" + mongo.address().getPort();
  }

  public Duration startupTime() {
    return startupTime;
  }

  private static int httpPort(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Stops the gateway, then the services (callers first), then the database. Idempotent;
   * a second caller waits until the first one has finished.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    var order = new ArrayList<ConfigurableApplicationContext>();
    order.add(gateway);
    var reversed = new ArrayList<>(HubService.startOrder());
    Collections.reverse(reversed);
    reversed.forEach(service -> order.add(services.get(service)));
    closeAll(order, mongo);
    // after survey-service, whose send in flight finishes on a graceful stop
    demoOutbox.ifPresent(DemoOutbox::close);
  }

  private static void closeAll(List<ConfigurableApplicationContext> contexts, EmbeddedMongo mongo) {
    for (var context : contexts) {
      try {
        context.close();
      } catch (RuntimeException e) {
        log.warn("error while stopping {}", context.getId(), e);
      }
    }
    mongo.close();
  }
}
