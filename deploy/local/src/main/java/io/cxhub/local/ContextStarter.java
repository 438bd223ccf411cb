package io.cxhub.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts one application (a service or the gateway) as its own Spring context inside the
 * launcher's JVM, from the builder the application itself provides (which selects its
 * own configuration file, {@code <name>.yml}).
 *
 * <p>The launcher's settings are passed as command-line arguments, the highest-ranking
 * property source after test properties: they win over the application's file and over
 * environment variables such as {@code GRPC_PORT}, which every context of the JVM would
 * otherwise share.
 */
final class ContextStarter {

  /**
   * Spring Cloud's listener that tears down and rebuilds logging whenever a context
   * prepares its environment. Logging belongs to the JVM ({@link HubLogging}); with five
   * contexts, two of them starting at once, it would reset levels and double appenders.
   */
  static final String LOGGING_RESETTER = "org.springframework.cloud.bootstrap.LoggingSystemShutdownListener";

  private ContextStarter() {}

  /** Properties every context gets. */
  static Map<String, String> common() {
    var p = new LinkedHashMap<String, String>();
    p.put("spring.main.banner-mode", "off");
    // each context keeps its meters to itself instead of also adding them to the JVM-wide registry
    p.put("management.metrics.use-global-registry", "false");
    // logging is set up once for the JVM (HubLogging); a context may not take it over
    p.put("logging.register-shutdown-hook", "false");
    p.put("logging.include-application-name", "false");
    return p;
  }

  static ConfigurableApplicationContext start(Supplier<SpringApplicationBuilder> builder,
      Map<String, String> properties) {
    String[] args = properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return application(builder).run(args);
  }

  /** The application as the launcher runs it: reactive, no banner, no shutdown hook of its own. */
  static SpringApplication application(Supplier<SpringApplicationBuilder> builder) {
    var application = builder.get()
        .web(WebApplicationType.REACTIVE)
        .bannerMode(Banner.Mode.OFF)
        // the launcher closes the contexts in order from its own shutdown hook
        .registerShutdownHook(false)
        .build();
    application.setListeners(application.getListeners().stream()
        .filter(listener -> !LOGGING_RESETTER.equals(listener.getClass().getName()))
        .toList());
    application.addInitializers(ContextStarter::ownNettyResources);
    return application;
  }

  /**
   * Each context gets Reactor Netty event loops of its own instead of the JVM-wide ones. By
   * default a context disposes the global loops when it closes, which stops the HTTP servers
   * of every other context in the JVM: closing one hub stopped another hub's gateway (tests
   * share one demo hub while other classes start and stop theirs).
   */
  private static void ownNettyResources(ConfigurableApplicationContext context) {
    if (context instanceof GenericApplicationContext generic) {
      generic.registerBean(ReactorResourceFactory.class, () -> {
        var resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(Duration.ZERO);
        return resources;
      });
    }
  }

  /**
   * Starts the planned contexts, {@code threads} at a time, in plan order. Each context is
   * put into {@code started} as soon as it is up, so that a caller can stop them after a
   * failure. Throws when any context fails, after all of them have finished starting.
   */
  static Map<String, ConfigurableApplicationContext> startAll(List<HubPlan.Launch> launches,
      int threads, Map<String, ConfigurableApplicationContext> started) {
    var threadIds = new AtomicInteger();
    ClassLoader loader = ContextStarter.class.getClassLoader();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      var thread = new Thread(task, "cx-hub-start-" + threadIds.incrementAndGet());
      thread.setContextClassLoader(loader);
      return thread;
    });
    try {
      var futures = new LinkedHashMap<String, Future<ConfigurableApplicationContext>>();
      for (var launch : launches) {
        futures.put(launch.name(), pool.submit(() -> {
          var context = start(launch.builder(), launch.properties());
          started.put(launch.name(), context);
          return context;
        }));
      }
      var contexts = new LinkedHashMap<String, ConfigurableApplicationContext>();
      RuntimeException failure = null;
      for (var entry : futures.entrySet()) {
        try {
          contexts.put(entry.getKey(), entry.getValue().get());
        } catch (ExecutionException e) {
          var cause = e.getCause();
          var wrapped = new IllegalStateException(entry.getKey() + " failed to start: " + cause.getMessage(), cause);
          if (failure == null) {
            failure = wrapped;
          } else {
            failure.addSuppressed(wrapped);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting " + entry.getKey(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return contexts;
    } finally {
      pool.shutdownNow();
    }
  }
}
