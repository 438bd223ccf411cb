package io.cxhub.survey;

import io.cxhub.journey.JourneyServiceApplication;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.MetricsServiceApplication;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services the way the one-jar launcher does (SpringApplicationBuilder with
 * explicit properties, several contexts in one JVM) and talks to them over real gRPC.
 */
public final class TestServices {

  private TestServices() {}

  /** survey-service with its own database, on a random gRPC port, relaying to {@code metricsAddress}. */
  public static ConfigurableApplicationContext startSurvey(
      TestMongo mongo, String database, String metricsAddress, String... extra) {
    var properties = new ArrayList<>(List.of(
        "spring.application.name=survey-service",
        "spring.data.mongodb.uri=" + mongo.connectionString(database),
        "spring.grpc.server.port=0",
        "server.port=0",
        "cx.peers.metrics=" + metricsAddress));
    properties.addAll(List.of(extra));
    if (properties.stream().noneMatch(p -> p.startsWith("cx.peers.journey="))) {
      properties.add("cx.peers.journey=localhost:1");
    }
    if (properties.stream().noneMatch(p -> p.startsWith("cx.peers.persona="))) {
      properties.add("cx.peers.persona=localhost:1");
    }
    return SurveyServiceApplication.builder().run(args(properties));
  }

  /** metrics-service with its own database {@code database}, on {@code grpcPort} (0: any free port). */
  public static ConfigurableApplicationContext startMetrics(
      TestMongo mongo, String database, int grpcPort, String... extra) {
    var properties = new ArrayList<>(List.of(
        "spring.application.name=metrics-service",
        "spring.data.mongodb.uri=" + mongo.connectionString(database),
        "spring.grpc.server.port=" + grpcPort,
        "server.port=0"));
    properties.addAll(List.of(extra));
    return MetricsServiceApplication.builder().run(args(properties));
  }

  /** journey-service with its own database {@code database}, on a random gRPC port. */
  public static ConfigurableApplicationContext startJourney(TestMongo mongo, String database, String... extra) {
    var properties = new ArrayList<>(List.of(
        "spring.application.name=journey-service",
        "spring.data.mongodb.uri=" + mongo.connectionString(database),
        "spring.grpc.server.port=0",
        "server.port=0"));
    properties.addAll(List.of(extra));
    return JourneyServiceApplication.builder().run(args(properties));
  }

  /**
   * As command-line arguments: SpringApplicationBuilder#properties only sets defaults, which
   * the application.yml (with its environment-variable fallbacks) would override.
   */
  private static String[] args(List<String> properties) {
    return properties.stream().map(p -> "--" + p).toArray(String[]::new);
  }

  /** The gRPC port the context's server bound (spring-grpc-test publishes it as local.grpc.port). */
  public static int grpcPort(ConfigurableApplicationContext context) {
    Integer port = context.getEnvironment().getProperty("local.grpc.port", Integer.class);
    if (port == null) {
      throw new IllegalStateException("local.grpc.port not published");
    }
    return port;
  }

  public static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
