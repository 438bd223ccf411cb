package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-jar process killed with SIGKILL right after acknowledging responses loses none
 * of them: a new hub on the same data finds the survey and counts every response in the
 * NPS (the outbox state stored with each response lets the relay finish after the
 * restart).
 */
class HubKillNineIT {

  private static final String KEY = "cx-kill9-admin-" + UUID.randomUUID();
  private static final Pattern GATEWAY_LINE = Pattern.compile("REST API \\(gateway\\)\\s+(http://\\S+)");
  private static final int RESPONSES = 20;

  @TempDir
  Path dir;

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void acknowledgedResponsesSurviveSigkillOfTheWholeHub() throws Exception {
    Path data = dir.resolve("data");
    URI gateway = startChildHub(data);
    var http = new HubHttp(gateway);
    var created = http.post("/v1/surveys", Optional.of(KEY), Map.of(
        "title", "Kill -9",
        "questions", List.of(Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS",
            "text", "How likely are you to recommend us?", "required", true))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String surveyId = created.json().path("surveyId").asText();
    for (int i = 0; i < RESPONSES; i++) {
      var submitted = http.post("/v1/surveys/" + surveyId + "/responses", Optional.of(KEY),
          Map.of("answers", List.of(Map.of("questionId", "nps", "score", 10))));
      assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
    }

    child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close of the file
    assertThat(child.exitValue()).isEqualTo(137);

    try (var hub = CxHub.start(LocalConfig.onFreePorts(data).withBootstrapApiKey(KEY))) {
      var again = new HubHttp(hub.gatewayUrl());
      var survey = again.get("/v1/surveys/" + surveyId, Optional.of(KEY));
      assertThat(survey.status()).as("%s", survey).isEqualTo(200);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        var nps = again.get("/v1/surveys/" + surveyId + "/nps", Optional.of(KEY));
        assertThat(nps.json().path("n").asLong(0)).as("%s", nps).isEqualTo(RESPONSES);
        assertThat(nps.json().path("nps").asDouble()).isEqualTo(100.0);
      });
    }
  }

  /** Runs {@link CxHubLocal} in its own JVM, as {@code java -jar cx-hub.jar} would, on free ports. */
  private URI startChildHub(Path data) throws IOException, InterruptedException {
    Path log = dir.resolve("child.log");
    var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", System.getProperty("java.class.path"), CxHubLocal.class.getName());
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    var env = builder.environment();
    env.put("CX_DATA_DIR", data.toString());
    env.put("CX_BOOTSTRAP_API_KEY", KEY);
    env.put("GATEWAY_PORT", "0");
    env.put("GATEWAY_MANAGEMENT_PORT", "0"); // not 8090: a hub already running on this machine must not fail the test
    for (var service : HubService.values()) {
      env.put(service.envPrefix() + "_GRPC_PORT", "0");
      env.put(service.envPrefix() + "_HTTP_PORT", "0");
    }
    child = builder.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      var matcher = GATEWAY_LINE.matcher(Files.readString(log));
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      if (!child.isAlive()) {
        throw new AssertionError("the hub exited with " + child.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the hub did not get ready in 3 minutes:\n" + Files.readString(log));
  }
}
