package io.cxhub.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of metrics-service when it runs as its own process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetricsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MetricsServiceApplication.class, args);
  }
}
