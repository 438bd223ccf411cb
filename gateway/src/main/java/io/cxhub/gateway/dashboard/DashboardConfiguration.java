package io.cxhub.gateway.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

  @Bean
  RouterFunction<ServerResponse> dashboardRoutes() {
    return DashboardEndpoints.routes(DashboardConfiguration.class.getClassLoader());
  }
}
