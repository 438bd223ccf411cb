package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HubPlanTest {

  private static final Function<String, String> URI = db -> "mongodb://127.0.0.1:27999/" + db;

  @Test
  void startsCalleesFirstAndTheGatewayLast() {
    var plan = HubPlan.of(LocalConfig.fromEnvironment(Map.of()), URI);

    assertThat(plan).extracting(HubPlan.Launch::name).containsExactly(
        "journey-service", "persona-service", "metrics-service", "survey-service", "gateway");
  }

  @Test
  void wiresEachServiceToItsOwnDatabasePortsAndPeers() {
    var survey = properties(HubPlan.of(LocalConfig.fromEnvironment(Map.of()), URI), "survey-service");

    assertThat(survey)
        .containsEntry("spring.data.mongodb.uri", "mongodb://127.0.0.1:27999/cx_survey")
        .containsEntry("spring.grpc.server.port", "9091")
        .containsEntry("server.port", "8081")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("cx.peers.metrics", "127.0.0.1:9092")
        .containsEntry("cx.peers.journey", "127.0.0.1:9094")
        .containsEntry("spring.cloud.gateway.server.webflux.enabled", "false")
        .containsEntry("cx.grpc.loopback-only", "true")
        .containsEntry("cx.survey.webhooks.allow-loopback-targets", "true")
        .doesNotContainKey("cx.survey.webhooks.allow-private-targets")
        .containsEntry("cx.public-url", "http://127.0.0.1:8080");
    assertThat(properties(HubPlan.of(LocalConfig.fromEnvironment(Map.of()), URI), "metrics-service"))
        .containsEntry("cx.peers.persona", "127.0.0.1:9093")
        .containsEntry("cx.peers.survey", "127.0.0.1:9091")
        .containsEntry("cx.grpc.loopback-only", "true")
        .doesNotContainKey("cx.survey.webhooks.allow-loopback-targets");
  }

  @Test
  void pointsTheGatewayAtEveryServiceAndPassesTheBootstrapKey() {
    var config = LocalConfig.fromEnvironment(Map.of("CX_BOOTSTRAP_API_KEY", "s3cret", "METRICS_GRPC_PORT", "19092"));

    var gateway = properties(HubPlan.of(config, URI), "gateway");

    assertThat(gateway)
        .containsEntry("spring.data.mongodb.uri", "mongodb://127.0.0.1:27999/cx_gateway")
        .containsEntry("server.port", "8080")
        .containsEntry("cx.gateway.backends.survey", "127.0.0.1:9091")
        .containsEntry("cx.gateway.backends.metrics", "127.0.0.1:19092")
        .containsEntry("cx.gateway.backends.persona", "127.0.0.1:9093")
        .containsEntry("cx.gateway.backends.journey", "127.0.0.1:9094")
        .containsEntry("cx.gateway.bootstrap-api-key", "s3cret")
        .containsEntry("spring.grpc.server.enabled", "false");
  }

  @Test
  void choosesDistinctFreePortsForZeroAndTellsThePeersTheSame() {
    var plan = HubPlan.of(LocalConfig.onFreePorts(Path.of("data")), URI);

    var ports = plan.stream()
        .flatMap(launch -> List.of(launch.properties().get("server.port"),
            launch.properties().getOrDefault("spring.grpc.server.port", "-")).stream())
        .filter(port -> !port.equals("-"))
        .collect(Collectors.toList());
    assertThat(ports).doesNotContain("0");
    assertThat(new HashSet<>(ports)).hasSameSizeAs(ports);
    var metricsPort = properties(plan, "metrics-service").get("spring.grpc.server.port");
    assertThat(properties(plan, "survey-service")).containsEntry("cx.peers.metrics", "127.0.0.1:" + metricsPort);
    assertThat(properties(plan, "gateway")).containsEntry("cx.gateway.backends.metrics", "127.0.0.1:" + metricsPort);
  }

  @Test
  void givesEveryContextTheSamePublicUrlFromCxPublicUrlOrTheGateway() {
    var configured = HubPlan.of(LocalConfig.fromEnvironment(
        Map.of("CX_PUBLIC_URL", "https://feedback.example.com/", "GATEWAY_ADDRESS", "0.0.0.0")), URI);
    assertThat(configured).allSatisfy(launch ->
        assertThat(launch.properties()).containsEntry("cx.public-url", "https://feedback.example.com"));

    var byDefault = HubPlan.of(LocalConfig.fromEnvironment(Map.of("GATEWAY_ADDRESS", "0.0.0.0", "GATEWAY_PORT", "18280")), URI);
    assertThat(byDefault).allSatisfy(launch ->
        assertThat(launch.properties()).containsEntry("cx.public-url", "http://localhost:18280"));
  }

  @Test
  void refusesAPublicUrlThatIsNotAnAbsoluteHttpUrl() {
    for (var wrong : List.of("feedback.example.com", "ftp://example.com", "https://example.com/?a=b")) {
      assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("CX_PUBLIC_URL", wrong)))
          .as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CX_PUBLIC_URL");
    }
  }

  private static Map<String, String> properties(List<HubPlan.Launch> plan, String name) {
    return plan.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().properties();
  }
}
