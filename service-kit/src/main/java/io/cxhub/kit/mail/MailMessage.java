package io.cxhub.kit.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to one person: a plain-text and an HTML version of the same content.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body; every value put into it must already be escaped
 * @param headers extra headers ({@code List-Unsubscribe}, a reference for bounces...), in order
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers) {

  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }
}
