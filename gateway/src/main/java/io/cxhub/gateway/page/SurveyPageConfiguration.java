package io.cxhub.gateway.page;

import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.ratelimit.PublicLimits;
import io.cxhub.gateway.transcode.ClientAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The hosted survey pages {@code /s/{token}} that every survey link and QR code opens. */
@Configuration(proxyBeanMethods = false)
class SurveyPageConfiguration {

  @Bean
  RouterFunction<ServerResponse> surveyPageRoutes(RpcInvoker invoker, ApiCatalog catalog, GatewayProperties properties,
      PublicLimits limits) {
    return new SurveyPageEndpoints(new RespondentClient(invoker, catalog),
        new ClientAddresses(properties.trustForwardedFor()), limits).routes();
  }
}
