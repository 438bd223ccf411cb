package io.cxhub.persona;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of persona-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PersonaServiceApplication {

  /**
   * Name of the application and of its configuration file ({@value}.yml). Each service
   * names its file after itself so that the one-jar launcher, which puts every service on
   * one classpath, loads each service's own settings.
   */
  public static final String NAME = "persona-service";

  /** A builder that loads this service's configuration; used by main, the launcher and tests. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(PersonaServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
