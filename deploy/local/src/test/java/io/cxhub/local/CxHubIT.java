package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.tenant.LoopbackOnlyServerInterceptor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher itself, whatever the services do: every context comes up on its own
 * ports and reports ready, and closing the hub releases every port.
 */
class CxHubIT {

  @TempDir
  Path dataDir;

  @Test
  void startsEveryApplicationOnItsOwnPortsAndReleasesThemOnClose() throws Exception {
    // free ports, never the defaults: the launcher's settings outrank each service's own file
    List<Integer> ports = new ArrayList<>();
    try (var hub = CxHub.start(LocalConfig.onFreePorts(dataDir))) {
      var gateway = new HubHttp(hub.gatewayUrl());
      var management = new HubHttp(URI.create("http://127.0.0.1:" + hub.gatewayManagementPort()));
      assertThat(management.get("/actuator/health", Optional.empty()).status()).isEqualTo(200);
      // as Prometheus scrapes it (the text format, not JSON)
      var metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + hub.gatewayManagementPort() + "/actuator/prometheus")).header("Accept", "text/plain").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      // latency histograms: buckets from which Prometheus computes p95/p99
      assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{");
      // the public port serves the API, not the actuator
      assertThat(gateway.get("/actuator/prometheus", Optional.empty()).status()).isEqualTo(404);
      assertThat(gateway.get("/actuator/health", Optional.empty()).status()).isEqualTo(404);
      ports.add(hub.gatewayPort());
      ports.add(hub.gatewayManagementPort());

      for (var service : HubService.values()) {
        var actuator = new HubHttp(URI.create("http://127.0.0.1:" + hub.ports(service).http()));
        var readiness = actuator.get("/actuator/health/readiness", Optional.empty());
        assertThat(readiness.status()).as("%s %s", service, readiness).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        ports.add(hub.ports(service).http());
        assertThat(hub.ports(service).grpc()).as("%s gRPC port", service).isPositive();
        ports.add(hub.ports(service).grpc());
        // spring-grpc 0.12 binds gRPC on every interface: calls from other hosts are refused
        assertThat(hub.context(service).getBeansOfType(LoopbackOnlyServerInterceptor.class))
            .as("%s refuses gRPC calls from other hosts", service).hasSize(1);
      }
      assertThat(new HashSet<>(ports)).as("distinct ports").hasSameSizeAs(ports);
      assertThat(HubSummary.of(hub))
          .contains(hub.gatewayUrl() + "/swagger-ui.html", hub.gatewayUrl() + "/v3/api-docs")
          .contains("127.0.0.1:" + hub.ports(HubService.SURVEY).grpc())
          .contains("http://127.0.0.1:" + hub.gatewayManagementPort() + "/actuator/health")
          .contains(hub.dataFile().toString())
          .contains("Public URL           " + hub.publicUrl());
      assertThat(hub.dataFile()).exists().startsWith(dataDir.toAbsolutePath());
    }

    // (that the data file is closed and reopens is HubEndToEndIT's restart scenario)
    for (int port : ports) {
      assertThat(canBind(port)).as("port %d released", port).isTrue();
    }
  }

  private static boolean canBind(int port) {
    try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
