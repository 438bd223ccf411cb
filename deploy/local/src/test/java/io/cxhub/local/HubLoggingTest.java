package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class HubLoggingTest {

  private static final String FORMAT = "logging.structured.format.console";

  /**
   * Spring Boot's logging system copies its settings into system properties
   * (CONSOLE_LOG_STRUCTURED_FORMAT...) that Logback's configuration reads and that nothing
   * clears: restore them all, or the JSON test leaves every later test of this JVM in JSON.
   */
  private final java.util.Properties before = (java.util.Properties) System.getProperties().clone();

  @AfterEach
  void backToTheDefault() {
    for (String name : System.getProperties().stringPropertyNames()) {
      if (!before.containsKey(name)) {
        System.clearProperty(name);
      }
    }
    before.stringPropertyNames().forEach(name -> System.setProperty(name, before.getProperty(name)));
    reinitialize();
  }

  /** Logback, once set up, keeps its configuration: forget it, then set it up again. */
  private static void reinitialize() {
    org.springframework.boot.logging.LoggingSystem.get(HubLoggingTest.class.getClassLoader()).cleanUp();
    HubLogging.initialize();
  }

  @Test
  void quietensTheDriverChatterOfTheOneJarRun() {
    HubLogging.initialize();

    assertThat(LoggerFactory.getLogger("org.mongodb.driver.client").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("io.cxhub.survey").isInfoEnabled()).isTrue();
  }

  @Test
  void linesAreHumanReadableWithTraceAndSpanIdsByDefault() {
    String out = logged(() -> {
      reinitialize();
      inRequest(() -> LoggerFactory.getLogger("io.cxhub.survey.Example").info("response accepted"));
    });

    assertThat(out).contains("[4bf92f3577b34da6a3ce929d0e0e4736,00f067aa0ba902b7] ")
        .contains("response accepted")
        .doesNotStartWith("{");
  }

  /** One setting (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs) makes every line an ECS JSON document. */
  @Test
  void oneSettingMakesTheLinesJsonWithTenantRequestAndTraceIds() throws Exception {
    System.setProperty(FORMAT, "ecs");
    String out = logged(() -> {
      reinitialize();
      inRequest(() -> LoggerFactory.getLogger("io.cxhub.survey.Example").info("response accepted"));
    });

    String line = out.lines().filter(l -> l.contains("response accepted")).findFirst().orElseThrow();
    JsonNode json = HubHttp.JSON.readTree(line);
    assertThat(json.path("message").asText()).isEqualTo("response accepted");
    // ECS nests "log.level" as {"log":{"level":…}}
    assertThat(json.at("/log/level").asText(json.path("log.level").asText())).isEqualTo("INFO");
    assertThat(json.path("tenant").asText()).isEqualTo("acme");
    assertThat(json.path("requestId").asText()).isEqualTo("req-1");
    assertThat(line).contains("4bf92f3577b34da6a3ce929d0e0e4736").contains("00f067aa0ba902b7");
  }

  private static void inRequest(Runnable logging) {
    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("spanId", "00f067aa0ba902b7");
    MDC.put("tenant", "acme");
    MDC.put("requestId", "req-1");
    try {
      logging.run();
    } finally {
      MDC.clear();
    }
  }

  /** What the console appender, set up while {@code action} runs, writes. */
  private static String logged(Runnable action) {
    PrintStream original = System.out;
    var captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
