package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A W3C {@code traceparent} sent to the gateway follows the request through the one-jar
 * hub: the gateway's access log, survey-service accepting the response (over gRPC), and
 * metrics-service recording it later (through the outbox relay) all log under the
 * caller's trace id, and the request id is echoed and reaches the services' logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubTracingIT {

  private static final String ADMIN_KEY = "cx-trace-admin-" + UUID.randomUUID();

  @TempDir
  static Path dataDir;

  private CxHub hub;
  private HubHttp http;
  private final Captured captured = new Captured();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  void startHub() {
    hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY));
    http = new HubHttp(hub.gatewayUrl());
    captured.setContext(root.getLoggerContext());
    captured.start();
    root.addAppender(captured);
  }

  @AfterAll
  void stopHub() {
    root.detachAppender(captured);
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void theCallersTraceIdIsInTheLogsOfGatewaySurveyAndMetricsService() throws Exception {
    var created = http.post("/v1/surveys", Optional.of(ADMIN_KEY), Map.of(
        "title", "Traced",
        "questions", List.of(Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS",
            "text", "How likely are you to recommend us?", "required", true))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String surveyId = created.json().path("surveyId").asText();

    String traceId = hex(16);
    String requestId = "trace-it-" + UUID.randomUUID();
    var request = HttpRequest.newBuilder(hub.gatewayUrl().resolve("/v1/surveys/" + surveyId + "/responses"))
        .header("Content-Type", "application/json")
        // the partner route: the tenant's system, with its key
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
        .header("X-Request-Id", requestId)
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"answers\":[{\"questionId\":\"nps\",\"score\":9}],\"channel\":\"CHANNEL_EMAIL\"}"))
        .build();
    var reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.headers().firstValue("X-Request-Id")).contains(requestId);

    // the relay delivers the response to metrics-service behind the request
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(captured.inTrace(traceId, "io.cxhub.metrics"))
            .as("metrics-service lines of trace %s", traceId)
            .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("response recorded")));

    assertThat(captured.inTrace(traceId, "io.cxhub.survey"))
        .as("survey-service lines of trace %s", traceId)
        .anySatisfy(e -> {
          assertThat(e.getFormattedMessage()).startsWith("response accepted");
          // a public RPC: the tenant comes from the survey, not from the call's metadata
          assertThat(e.getMDCPropertyMap()).containsEntry("requestId", requestId);
        });
    assertThat(captured.inTrace(traceId, "io.cxhub.gateway"))
        .as("gateway lines of trace %s", traceId)
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("requestId=" + requestId));
  }

  private static String hex(int bytes) {
    var random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zeros
    return HexFormat.of().formatHex(random);
  }

  /** Every log event of the JVM while the test runs, with its MDC. */
  private static final class Captured extends AppenderBase<ILoggingEvent> {
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      events.add(event);
    }

    List<ILoggingEvent> inTrace(String traceId, String loggerPrefix) {
      return events.stream()
          .filter(e -> traceId.equals(e.getMDCPropertyMap().get("traceId")))
          .filter(e -> e.getLoggerName().startsWith(loggerPrefix))
          .toList();
    }
  }
}
