package io.cxhub.persona;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of persona-service when it runs as its own process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PersonaServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PersonaServiceApplication.class, args);
  }
}
