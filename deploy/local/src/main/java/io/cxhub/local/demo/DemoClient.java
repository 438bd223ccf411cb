package io.cxhub.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's way in: the gateway's public REST API, as a partner system calls it, with an
 * API key. Waits and retries on 429 (the key's rate limit, honouring {@code Retry-After})
 * and on 502/503/504 (a service starting or busy); any other error stops the load with the
 * problem the gateway returned.
 */
final class DemoClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 30;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String key;

  DemoClient(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  DemoClient as(String otherKey) {
    return new DemoClient(base, otherKey);
  }

  /** A client without a key: a respondent following their link (public routes only). */
  DemoClient anonymous() {
    return new DemoClient(base, null);
  }

  URI base() {
    return base;
  }

  /** A reply: its status and JSON body (missing when empty). */
  record Reply(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  JsonNode get(String path) {
    return expectOk("GET", path, send("GET", path, null, Map.of()));
  }

  JsonNode post(String path, Object body) {
    return expectOk("POST", path, send("POST", path, body, Map.of()));
  }

  JsonNode put(String path, Object body) {
    return expectOk("PUT", path, send("PUT", path, body, Map.of()));
  }

  /** A call whose failure the caller handles (e.g. 409 for something that already exists). */
  Reply call(String method, String path, Object body, Map<String, String> headers) {
    return send(method, path, body, headers);
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode expectOk(String method, String path, Reply reply) {
    if (!reply.ok()) {
      throw new DemoException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.body();
  }

  private Reply send(String method, String path, Object body, Map<String, String> headers) {
    String json;
    try {
      json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int attempt = 1; ; attempt++) {
      var request = HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(60))
          .header("Accept", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) {
          throw new UncheckedIOException(e);
        }
        pause(Duration.ofSeconds(1));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoException("interrupted");
      }
      int status = response.statusCode();
      // every call of the loader is idempotent (names, ids, idempotency keys): a retry is safe
      if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt < ATTEMPTS) {
        pause(retryAfter(response).orElse(Duration.ofMillis(Math.min(5_000, 200L * attempt))));
        continue;
      }
      return new Reply(status, parse(response.body()));
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip()))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }
}
