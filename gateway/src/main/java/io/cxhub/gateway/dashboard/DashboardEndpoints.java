package io.cxhub.gateway.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the dashboard's page at {@value #APP} (its scripts and styles are static resources
 * under {@code /app/}, its charting library the ECharts WebJar under {@code /webjars/}).
 * The page's import map names the WebJar's version, read from the WebJar itself, so a
 * version bump in the POM needs no edit here. {@code /}, {@code /app}, {@code /dashboard}
 * and {@code /cases} lead to it.
 */
public final class DashboardEndpoints {

  public static final String APP = "/app/";
  private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  /** Scripts from this origin only; ECharts draws on canvas; no framing by other sites. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'sha256-%s'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'self'";

  private DashboardEndpoints() {}

  public static RouterFunction<ServerResponse> routes(ClassLoader loader) {
    String page = page(loader);
    String policy = CONTENT_SECURITY_POLICY.formatted(importMapHash(page));
    var redirect = URI.create(APP);
    return RouterFunctions.route()
        .GET(APP, request -> ServerResponse.ok()
            .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noCache())
            .header("Content-Security-Policy", policy)
            .header("X-Content-Type-Options", "nosniff")
            .header("Referrer-Policy", "same-origin")
            .bodyValue(page))
        .GET("/", request -> ServerResponse.status(HttpStatus.FOUND).location(redirect).build())
        .GET("/app", request -> ServerResponse.status(HttpStatus.FOUND).location(redirect).build())
        .GET("/dashboard", request -> ServerResponse.status(HttpStatus.FOUND).location(redirect).build())
        .GET("/cases", request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(APP + "#/cases")).build())
        .build();
  }

  static String page(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream("static/app/index.html")) {
      if (in == null) {
        throw new IllegalStateException("static/app/index.html is not on the class path");
      }
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return html.replace("{{ECHARTS_VERSION}}", echartsVersion(loader).orElse("missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<String> echartsVersion(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        return Optional.empty();
      }
      var properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The CSP hash of the inline import map, so no other inline script may run. */
  static String importMapHash(String page) {
    int start = page.indexOf("<script type=\"importmap\">");
    int end = page.indexOf("</script>", start);
    String body = page.substring(start + "<script type=\"importmap\">".length(), end);
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
