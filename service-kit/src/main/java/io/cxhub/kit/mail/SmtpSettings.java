package io.cxhub.kit.mail;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach an SMTP server ({@code CX_SMTP_*}).
 *
 * @param host empty: e-mail is not configured
 * @param port e.g. 587 (STARTTLS), 465 (implicit TLS) or 25
 * @param username empty: no authentication
 * @param password with {@code username}
 * @param from the sender address, e.g. {@code CX Hub <surveys@example.com>}
 * @param security {@code starttls} (required), {@code tls} or its alias {@code ssl}
 *     (implicit, usually port 465), or {@code none} (a local relay only)
 * @param connectTimeout longest wait for the connection
 * @param timeout longest wait for each reply and write
 */
public record SmtpSettings(
    String host, int port, String username, String password, String from, String security,
    Duration connectTimeout, Duration timeout) {

  /** Connection security. */
  public enum Security {
    STARTTLS, TLS, NONE;

    static Security of(String text) {
      return switch (text == null || text.isBlank() ? "starttls" : text.strip().toLowerCase(Locale.ROOT)) {
        case "starttls" -> STARTTLS;
        case "tls", "ssl" -> TLS;
        case "none" -> NONE;
        default -> throw new IllegalArgumentException(
            "the SMTP security (CX_SMTP_SECURITY) must be starttls, tls (or ssl) or none, not '" + text + "'");
      };
    }
  }

  public SmtpSettings {
    host = host == null ? "" : host.strip();
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }

  /** Whether a server is named; without one nothing is sent. */
  public boolean configured() {
    return !host.isEmpty();
  }

  public Security securityMode() {
    return Security.of(security);
  }
}
