package io.cxhub.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /**
   * Name of the application and of its configuration file ({@value}.yml): named after the
   * gateway so that the one-jar launcher, which puts every service on one classpath, loads
   * the gateway's own settings.
   */
  public static final String NAME = "gateway";

  /** A builder that loads the gateway's configuration; used by main, the launcher and tests. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(GatewayApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
