package io.cxhub.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the OpenAPI document at {@value #API_DOCS} and Swagger UI from its webjar:
 * {@value #SWAGGER_UI} redirects to the webjar's {@code index.html}, whose
 * {@code swagger-initializer.js} is replaced by one that loads our document instead of the
 * Petstore example.
 */
public final class OpenApiEndpoints {

  public static final String API_DOCS = "/v3/api-docs";
  public static final String SWAGGER_UI = "/swagger-ui.html";

  private static final Logger log = LoggerFactory.getLogger(OpenApiEndpoints.class);
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

  private OpenApiEndpoints() {}

  public static RouterFunction<ServerResponse> routes(OpenApiDocument document, ClassLoader loader) {
    var routes = RouterFunctions.route()
        .GET(API_DOCS, request -> ServerResponse.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noCache())
            .bodyValue(document.json()));
    Optional<String> version = swaggerUiVersion(loader);
    if (version.isEmpty()) {
      log.warn("the swagger-ui webjar is not on the class path; {} is not served", SWAGGER_UI);
      return routes.build();
    }
    String base = "/webjars/swagger-ui/" + version.get() + "/";
    return routes
        .GET(SWAGGER_UI, request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(base + "index.html")).build())
        .GET("/swagger-ui", request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(base + "index.html")).build())
        .GET(base + "swagger-initializer.js", request -> ServerResponse.ok()
            .contentType(JAVASCRIPT)
            .bodyValue(initializer(API_DOCS)))
        .build();
  }

  /** The version folder of the webjar, e.g. {@code 5.17.14}. */
  static Optional<String> swaggerUiVersion(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        return Optional.empty();
      }
      var properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String initializer(String documentUrl) {
    return """
        window.onload = function() {
          window.ui = SwaggerUIBundle({
            url: "%s",
            dom_id: '#swagger-ui',
            deepLinking: true,
            persistAuthorization: true,
            presets: [
              SwaggerUIBundle.presets.apis,
              SwaggerUIStandalonePreset
            ],
            plugins: [
              SwaggerUIBundle.plugins.DownloadUrl
            ],
            layout: "StandaloneLayout"
          });
        };
        """.formatted(documentUrl);
  }
}
