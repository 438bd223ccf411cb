package io.cxhub.journey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of journey-service when it runs as its own process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JourneyServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(JourneyServiceApplication.class, args);
  }
}
