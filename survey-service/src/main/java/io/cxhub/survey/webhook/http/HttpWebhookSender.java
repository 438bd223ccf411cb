package io.cxhub.survey.webhook.http;

import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.TargetGuard;
import io.cxhub.survey.webhook.WebhookSender;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts deliveries with Apache HttpClient 5, whose connection manager resolves host names
 * through the {@link TargetGuard}: it connects only to addresses the guard has just checked,
 * in the same lookup, so a name that changes its answer after the subscription was accepted
 * (DNS rebinding) is refused at connect time. TLS still verifies the certificate against the
 * host name. Redirects are not followed (a redirect could lead to an address the guard would
 * refuse), no proxy from the environment is used, and the response body is discarded.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

  private final CloseableHttpClient client;
  private final Clock clock;

  public HttpWebhookSender(TargetGuard guard, Duration connectTimeout, Duration requestTimeout, Clock clock) {
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new GuardedResolver(guard))
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(requestTimeout))
            .build())
        .setMaxConnTotal(50)
        .setMaxConnPerRoute(5)
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(requestTimeout))
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            .setRedirectsEnabled(false)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent("CX-Hub-Webhooks/1")
        .build();
    this.clock = clock;
  }

  @Override
  public DeliveryAttempt post(String url, Map<String, String> headers, String body) {
    Instant at = clock.instant();
    long start = System.nanoTime();
    try {
      var request = new HttpPost(url);
      headers.forEach(request::setHeader);
      request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
      int status = client.execute(request, response -> {
        EntityUtils.consume(response.getEntity());
        return response.getCode();
      });
      return new DeliveryAttempt(at, status, elapsed(start), status >= 200 && status < 300 ? null : "HTTP " + status);
    } catch (TargetGuard.RefusedTargetException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), "target refused: " + e.getMessage());
    } catch (UnknownHostException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), "host does not resolve: " + e.getMessage());
    } catch (SocketTimeoutException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), "timeout: " + e.getMessage());
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      return new DeliveryAttempt(at, 0, elapsed(start), "interrupted");
    } catch (IOException | IllegalArgumentException e) {
      return new DeliveryAttempt(at, 0, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The client's only way to turn a host into addresses: the guard's checked lookup. */
  record GuardedResolver(TargetGuard guard) implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return guard.checkedAddresses(host).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return host;
    }
  }
}
