package io.cxhub.gateway.transcode;

import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The descriptor-driven transcoder: built once from the descriptor set at start-up. */
@Configuration(proxyBeanMethods = false)
class TranscodingConfiguration {

  @Bean
  ApiCatalog apiCatalog() {
    return ApiCatalog.fromClasspath(TranscodingConfiguration.class.getClassLoader());
  }

  @Bean
  HttpRuleRouter httpRuleRouter(ApiCatalog catalog) {
    return new HttpRuleRouter(catalog.bindings());
  }

  @Bean
  RequestMessageFactory requestMessageFactory(ApiCatalog catalog) {
    return new RequestMessageFactory(new ProtoJsonReader(catalog.typeRegistry()));
  }

  @Bean
  ProtoJsonWriter protoJsonWriter(ApiCatalog catalog) {
    return new ProtoJsonWriter(catalog.typeRegistry());
  }

  @Bean
  MatchHttpRuleGatewayFilterFactory matchHttpRuleGatewayFilterFactory(HttpRuleRouter router, ProblemWriter problems) {
    return new MatchHttpRuleGatewayFilterFactory(router, problems);
  }

  @Bean
  TranscodeGatewayFilterFactory transcodeGatewayFilterFactory(RequestMessageFactory messages, ProtoJsonWriter json,
      RpcInvoker invoker, ProblemWriter problems, GatewayProperties properties) {
    return new TranscodeGatewayFilterFactory(messages, json, invoker, problems,
        new ClientAddresses(properties.trustForwardedFor()), properties.sse().commitAfter(),
        properties.sse().heartbeat());
  }
}
