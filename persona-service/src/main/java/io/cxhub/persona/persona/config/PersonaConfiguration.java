package io.cxhub.persona.persona.config;

import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.persona.PersonaCatalog;
import io.cxhub.persona.persona.Personas;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free persona use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class PersonaConfiguration {

  @Bean
  CustomerDirectory customerDirectory(Customers customers, Personas personas, Clock clock) {
    return new CustomerDirectory(customers, personas, clock);
  }

  @Bean
  PersonaCatalog personaCatalog(Personas personas, Clock clock) {
    return new PersonaCatalog(personas, clock);
  }
}
