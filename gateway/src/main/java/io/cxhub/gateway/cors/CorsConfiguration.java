package io.cxhub.gateway.cors;

import io.cxhub.gateway.tenant.Tenants;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

  /** Policies changed through another replica apply here within ten seconds. */
  @Bean
  CorsWebFilter corsWebFilter(Tenants tenants) {
    return new CorsWebFilter(tenants, Schedulers.boundedElastic(), Duration.ofSeconds(10));
  }
}
