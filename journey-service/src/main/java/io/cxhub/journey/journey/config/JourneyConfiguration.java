package io.cxhub.journey.journey.config;

import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.journey.Journeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free journey use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

  @Bean
  JourneyCatalog journeyCatalog(Journeys journeys, Clock clock) {
    return new JourneyCatalog(journeys, clock);
  }
}
