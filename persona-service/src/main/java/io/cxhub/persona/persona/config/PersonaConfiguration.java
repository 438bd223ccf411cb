package io.cxhub.persona.persona.config;

import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.persona.customer.CustomerChanges;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.value.CustomerValuations;
import io.cxhub.persona.value.ValueReports;
import io.cxhub.persona.persona.PersonaCatalog;
import io.cxhub.persona.persona.Personas;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free persona use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class PersonaConfiguration {

  @Bean
  CustomerDirectory customerDirectory(Customers customers, Personas personas, CustomerChanges changes, Clock clock) {
    return new CustomerDirectory(customers, personas, changes, clock);
  }

  @Bean
  CustomerValuations customerValuations(Customers customers, ValueReports reports, Clock clock) {
    return new CustomerValuations(customers, reports, clock);
  }

  /** Recomputes value tiers of tenants whose customers changed; off with cx.persona.value-refresh.enabled=false. */
  @Bean
  WorkerLifecycle valueRefreshLifecycle(CustomerValuations valuations, PersonaProperties properties) {
    var refresh = properties.valueRefresh();
    return new WorkerLifecycle(new PeriodicWorker("customer-value", refresh.period(), valuations::refreshDue),
        refresh.enabled());
  }

  @Bean
  PersonaCatalog personaCatalog(Personas personas, Clock clock) {
    return new PersonaCatalog(personas, clock);
  }
}
