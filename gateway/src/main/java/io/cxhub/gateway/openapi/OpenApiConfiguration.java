package io.cxhub.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.gateway.catalog.ApiCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenApiDocument openApiDocument(ApiCatalog catalog, ObjectMapper mapper) {
    return new OpenApiDocument(catalog, mapper);
  }

  @Bean
  RouterFunction<ServerResponse> openApiRoutes(OpenApiDocument document) {
    return OpenApiEndpoints.routes(document, OpenApiConfiguration.class.getClassLoader());
  }
}
