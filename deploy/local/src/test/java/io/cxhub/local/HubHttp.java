package io.cxhub.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON client for tests that talk to the hub over HTTP, as a partner would. */
final class HubHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  HubHttp(URI base) {
    this.base = base;
  }

  /** A response: status, content type and body parsed as JSON (null when empty or not JSON). */
  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + contentType + " " + body;
    }
  }

  Reply get(String path, Optional<String> key) {
    return send(request(path, key).GET());
  }

  Reply post(String path, Optional<String> key, Object body) {
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(request(path, key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method with a JSON body, e.g. PUT. */
  Reply send(String method, String path, Optional<String> key, Object body) {
    try {
      return send(request(path, key).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path, Optional<String> key) {
    var builder = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json");
    key.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
