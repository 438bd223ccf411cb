package io.cxhub.metrics.config;

import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.metrics.customerfeed.CustomerEventRelay;
import io.cxhub.metrics.customerfeed.CustomerFeedOutbox;
import io.cxhub.metrics.ingest.grpc.PersonaClient;
import io.cxhub.metrics.rollup.TenantZones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orders and contacts on their way to persona-service: the outbox and its relay. */
@Configuration(proxyBeanMethods = false)
class CustomerFeedConfiguration {

  @Bean
  CustomerEventRelay customerEventRelay(CustomerFeedOutbox outbox, PersonaClient persona, TenantZones zones) {
    return new CustomerEventRelay(outbox, persona, zones);
  }

  @Bean
  WorkerLifecycle customerFeedLifecycle(CustomerEventRelay relay, CustomerFeedProperties properties) {
    return new WorkerLifecycle(new PeriodicWorker("customer-feed", properties.period(), relay::relay),
        properties.enabled());
  }
}
