package io.cxhub.survey.invitation.http;

import io.cxhub.survey.invitation.ProviderResult;
import io.cxhub.survey.invitation.SmsSender;
import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.TargetGuard;
import io.cxhub.survey.webhook.WebhookSender;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic SMS provider reached by one HTTP POST per message: the URL, an authentication
 * header and a JSON body template are configuration, so most providers' "send a message"
 * APIs fit without code. The template's {@code {{to}}}, {@code {{from}}}, {@code {{text}}}
 * and {@code {{reference}}} are replaced by JSON-escaped values (so the template puts them
 * inside quotes).
 *
 * <p>Posts through the webhooks' HTTP client, so the provider's address passes the same
 * SSRF guard at connect time. A 2xx answer means the provider took the message; 429 and 503
 * (an explicit "later") and a connection that could not be made are retried; 400, 404 and
 * 422 refuse this recipient (a bounce); anything else, timeouts included, is a failure that
 * is not retried, since the provider may have sent the message.
 */
public final class HttpSmsSender implements SmsSender {

  /** The default body: {@code {"to":"…","from":"…","text":"…"}}. */
  public static final String DEFAULT_TEMPLATE = "{\"to\":\"{{to}}\",\"from\":\"{{from}}\",\"text\":\"{{text}}\"}";

  /**
   * @param url empty: SMS is not configured
   * @param authHeaderName e.g. {@code Authorization}; empty for none
   * @param authHeaderValue e.g. {@code Bearer …} (a secret)
   */
  public record Settings(String url, String authHeaderName, String authHeaderValue, String bodyTemplate, String from) {}

  private final Settings settings;
  private final WebhookSender http;
  private final TargetGuard guard;

  public HttpSmsSender(Settings settings, WebhookSender http, TargetGuard guard) {
    this.settings = settings;
    this.http = http;
    this.guard = guard;
  }

  @Override
  public boolean configured() {
    return settings.url() != null && !settings.url().isBlank();
  }

  @Override
  public ProviderResult send(String to, String text, String reference) {
    if (!configured()) {
      return ProviderResult.failed("SMS sending is not configured");
    }
    var refusal = guard.refusal(settings.url());
    if (refusal.isPresent()) {
      return ProviderResult.retry("SMS provider address refused: " + refusal.get());
    }
    String template = settings.bodyTemplate() == null || settings.bodyTemplate().isBlank()
        ? DEFAULT_TEMPLATE : settings.bodyTemplate();
    String body = template
        .replace("{{to}}", json(to))
        .replace("{{from}}", json(settings.from() == null ? "" : settings.from()))
        .replace("{{reference}}", json(reference))
        .replace("{{text}}", json(text));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (settings.authHeaderName() != null && !settings.authHeaderName().isBlank()) {
      headers.put(settings.authHeaderName(), settings.authHeaderValue() == null ? "" : settings.authHeaderValue());
    }
    return classify(http.post(settings.url(), headers, body));
  }

  static ProviderResult classify(DeliveryAttempt attempt) {
    int status = attempt.statusCode();
    String error = attempt.error() == null ? "" : attempt.error();
    if (attempt.succeeded()) {
      return ProviderResult.accepted();
    }
    if (status == 429 || status == 503) {
      return ProviderResult.retry(error);
    }
    if (status == 400 || status == 404 || status == 422) {
      return ProviderResult.bounced(error);
    }
    if (status == 0) {
      // no answer: retried only when no connection was made (the provider saw nothing)
      boolean notConnected = error.startsWith("host does not resolve") || error.startsWith("target refused")
          || error.contains("ConnectException") || error.contains("HttpHostConnectException")
          || error.contains("Connection refused") || error.contains("Connect timed out");
      return notConnected ? ProviderResult.retry(error) : ProviderResult.failed(error);
    }
    return ProviderResult.failed(error);
  }

  /** The text as the inside of a JSON string. */
  static String json(String s) {
    var out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
