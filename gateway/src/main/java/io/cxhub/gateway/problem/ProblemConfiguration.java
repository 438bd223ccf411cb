package io.cxhub.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

  @Bean
  ProblemWriter problemWriter(ObjectMapper mapper) {
    return new ProblemWriter(mapper);
  }

  /** Ahead of Boot's {@code DefaultErrorWebExceptionHandler} (order -1). */
  @Bean
  @Order(-2)
  ProblemExceptionHandler problemExceptionHandler(ProblemWriter writer) {
    return new ProblemExceptionHandler(writer);
  }
}
