package io.cxhub.local;

import io.cxhub.journey.JourneyServiceApplication;
import io.cxhub.metrics.MetricsServiceApplication;
import io.cxhub.persona.PersonaServiceApplication;
import io.cxhub.survey.SurveyServiceApplication;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The four gRPC services, in the order the launcher starts them, with what the launcher
 * needs to wire each one: its database, default ports, the prefix of its port variables
 * and the peers it calls (property key under {@code cx.peers} → peer).
 */
public enum HubService {
  JOURNEY(JourneyServiceApplication.NAME, JourneyServiceApplication::builder, "cx_journey", 9094, 8084),
  PERSONA(PersonaServiceApplication.NAME, PersonaServiceApplication::builder, "cx_persona", 9093, 8083),
  METRICS(MetricsServiceApplication.NAME, MetricsServiceApplication::builder, "cx_metrics", 9092, 8082),
  SURVEY(SurveyServiceApplication.NAME, SurveyServiceApplication::builder, "cx_survey", 9091, 8081);

  private final String serviceName;
  private final Supplier<SpringApplicationBuilder> builder;
  private final String database;
  private final int defaultGrpcPort;
  private final int defaultHttpPort;

  HubService(String serviceName, Supplier<SpringApplicationBuilder> builder, String database,
      int defaultGrpcPort, int defaultHttpPort) {
    this.serviceName = serviceName;
    this.builder = builder;
    this.database = database;
    this.defaultGrpcPort = defaultGrpcPort;
    this.defaultHttpPort = defaultHttpPort;
  }

  /** The deployable's name, as in {@code spring.application.name}. */
  public String serviceName() {
    return serviceName;
  }

  /** The service's own application builder, which loads its {@code <name>.yml}. */
  Supplier<SpringApplicationBuilder> builder() {
    return builder;
  }

  String database() {
    return database;
  }

  int defaultGrpcPort() {
    return defaultGrpcPort;
  }

  int defaultHttpPort() {
    return defaultHttpPort;
  }

  /** Prefix of the environment variables that override its ports, e.g. {@code SURVEY}. */
  String envPrefix() {
    return name();
  }

  /**
   * The peers this service calls, keyed by the {@code cx.peers.*} property that holds the
   * peer's address. Follows the call table of ARCHITECTURE.md; a service that does not
   * (yet) read a key ignores it.
   */
  Map<String, HubService> peers() {
    return switch (this) {
      // persona: e-mail addresses of invitation recipients given by customer id
      case SURVEY -> Map.of("metrics", METRICS, "journey", JOURNEY, "persona", PERSONA);
      // metric alerts fire through survey-service's FireAlert (its alert and webhook path)
      case METRICS -> Map.of("persona", PERSONA, "survey", SURVEY);
      // journeys read live numbers from metrics, verbatims and the alert path from survey,
      // detractors' customer value from persona
      case JOURNEY -> Map.of("metrics", METRICS, "survey", SURVEY, "persona", PERSONA);
      // data-subject requests: every service's part (erasure, export)
      case PERSONA -> Map.of("metrics", METRICS, "survey", SURVEY, "journey", JOURNEY);
    };
  }

  /** The gateway's backend keys ({@code cx.gateway.backends.*}) and their services. */
  static Map<String, HubService> gatewayBackends() {
    return Map.of("survey", SURVEY, "metrics", METRICS, "persona", PERSONA, "journey", JOURNEY);
  }

  /**
   * Start order: callees before callers, so first calls find their peer up. metrics and
   * survey call each other; metrics starts first (survey relays responses to it at once),
   * and a metric alert that finds survey-service not up yet is sent at a later evaluation.
   */
  static List<HubService> startOrder() {
    return List.of(JOURNEY, PERSONA, METRICS, SURVEY);
  }
}
