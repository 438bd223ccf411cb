package io.cxhub.local;

import java.util.Map;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Sets up Spring Boot's logging once for the whole JVM, before any context starts.
 *
 * <p>Logging is one per JVM, not one per context. Left to the contexts, the first two
 * that start at the same time both configure Logback, and every line is then printed
 * twice. Once it is set up here, each context finds it initialised and only applies its
 * own {@code logging.level.*} settings. Environment variables such as
 * {@code LOGGING_LEVEL_ROOT} or {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} still apply.
 */
final class HubLogging {

  /** Defaults of the one-jar run, below environment variables and system properties. */
  static final Map<String, Object> DEFAULTS = Map.of(
      // one Logback for five applications: a name in the pattern would be whichever started last
      "logging.include-application-name", "false",
      // trace and span ids of the current span on every line (Micrometer Tracing's MDC
      // entries); what Spring Boot adds by itself when one application owns the logging
      "logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] ",
      // the launcher stops everything from its own shutdown hook, logging last
      "logging.register-shutdown-hook", "false",
      // one line per client connection or driver setting drowns the summary
      "logging.level.org.mongodb.driver", "warn",
      "logging.level.de.bwaldvogel.mongo", "warn",
      // "secondary index ... not yet implemented", once per index at every start: a known
      // limit of the embedded engine (STACK.md), not something to act on
      "logging.level.de.bwaldvogel.mongo.backend.AbstractMongoDatabase", "error",
      "logging.level.org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator", "warn");

  private HubLogging() {}

  static void initialize() {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("cx-hub-local-logging", DEFAULTS));
    ConfigurationPropertySources.attach(environment);
    var application = new SpringApplication();
    var bootstrap = new DefaultBootstrapContext();
    var args = new String[0];
    var listener = new LoggingApplicationListener();
    listener.onApplicationEvent(new ApplicationStartingEvent(bootstrap, application, args));
    listener.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, application, args, environment));
  }
}
