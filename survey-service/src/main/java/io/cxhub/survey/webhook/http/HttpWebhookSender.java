package io.cxhub.survey.webhook.http;

import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Posts deliveries with the JDK's HTTP client. Redirects are not followed (a redirect could
 * lead to an address the target guard would refuse); the response body is discarded.
 */
public final class HttpWebhookSender implements WebhookSender {

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Clock clock;

  public HttpWebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  @Override
  public DeliveryAttempt post(String url, Map<String, String> headers, String body) {
    Instant at = clock.instant();
    long start = System.nanoTime();
    try {
      var request = HttpRequest.newBuilder(URI.create(url))
          .timeout(requestTimeout)
          .header("User-Agent", "CX-Hub-Webhooks/1")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new DeliveryAttempt(at, status, elapsed(start), status >= 200 && status < 300 ? null : "HTTP " + status);
    } catch (HttpTimeoutException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), "timeout: " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryAttempt(at, 0, elapsed(start), "interrupted");
    }
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
