package io.cxhub.survey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of survey-service when it runs as its own process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SurveyServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SurveyServiceApplication.class, args);
  }
}
