package io.cxhub.gateway.web;

import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.problem.ProblemWriter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** The cross-cutting route filters, referred to by name in {@code spring.cloud.gateway.server.webflux.routes}. */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

  @Bean
  OffLoopDispatchWebFilter offLoopDispatchWebFilter() {
    return new OffLoopDispatchWebFilter(Schedulers.parallel());
  }

  @Bean
  RequestIdGatewayFilterFactory requestIdGatewayFilterFactory() {
    return new RequestIdGatewayFilterFactory();
  }

  @Bean
  RequestBodyLimitGatewayFilterFactory requestBodyLimitGatewayFilterFactory(GatewayProperties properties,
      ProblemWriter problems) {
    return new RequestBodyLimitGatewayFilterFactory(properties.maxRequestBody(), problems);
  }

  @Bean
  AccessLogGatewayFilterFactory accessLogGatewayFilterFactory(Clock clock) {
    return new AccessLogGatewayFilterFactory(clock);
  }
}
