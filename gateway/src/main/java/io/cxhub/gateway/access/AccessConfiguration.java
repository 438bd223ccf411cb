package io.cxhub.gateway.access;

import io.cxhub.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  AuthorizeGatewayFilterFactory authorizeGatewayFilterFactory(ProblemWriter problems) {
    return new AuthorizeGatewayFilterFactory(problems);
  }
}
