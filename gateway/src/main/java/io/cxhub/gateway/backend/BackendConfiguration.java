package io.cxhub.gateway.backend;

import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.admin.AdminServer;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.kit.trust.CallerTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BackendConfiguration.class);

  @Bean(destroyMethod = "close")
  Backends backends(GatewayProperties properties, AdminServer admin, ApiCatalog catalog,
      ObjectProvider<ObservationRegistry> observations) {
    // every backend call observed: a grpc.client timer, and a client span whose trace
    // context (W3C traceparent) goes to the service in the call's metadata
    var registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    Backends backends = Backends.connect(properties.backends(), Map.of(AdminServer.BACKEND, admin.channel()),
        List.of(new ObservationGrpcClientInterceptor(registry)));
    for (String needed : catalog.backends()) {
      if (!backends.names().contains(needed)) {
        log.warn("no address for backend '{}' (cx.gateway.backends.{}): its RPCs will answer 503", needed, needed);
      }
    }
    return backends;
  }

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(GatewayProperties properties, ApiCatalog catalog) {
    var settings = properties.circuitBreaker();
    var config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
        .failureRateThreshold(settings.failureRateThreshold())
        .waitDurationInOpenState(settings.waitDurationInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
        .recordException(BackendFailures::isFailure)
        .build();
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
    // one breaker per backend, created now so that its metrics exist from the start
    catalog.backends().forEach(registry::circuitBreaker);
    return registry;
  }

  @Bean
  MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry registry) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry);
  }

  @Bean
  RpcInvoker rpcInvoker(Backends backends, CircuitBreakerRegistry breakers, GatewayProperties properties,
      CallerTokens tokens) {
    // the kit's CallerTokens: the gateway's key (cx.trust.*), principal 'gateway'
    return new RpcInvoker(backends, breakers, properties.deadline(), tokens);
  }
}
