package io.cxhub.gateway.page;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The respondents' entry point {@code /s/{token}} that every survey link and QR code opens. */
@Configuration(proxyBeanMethods = false)
class SurveyPageConfiguration {

  @Bean
  RouterFunction<ServerResponse> surveyPageRoutes() {
    // until the hosted page is served here, the link leads to the respondent API
    return RouterFunctions.route()
        .GET("/s/{token}", request -> ServerResponse.status(HttpStatus.SEE_OTHER)
            .location(URI.create("/v1/public/surveys/" + request.pathVariable("token").replaceAll("[^A-Za-z0-9_-]", "")))
            .build())
        .build();
  }
}
