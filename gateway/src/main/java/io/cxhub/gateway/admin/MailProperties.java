package io.cxhub.gateway.admin;

import io.cxhub.kit.mail.SmtpSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server that e-mails dashboard invitations, prefix {@code cx.gateway.mail} (the
 * same {@code CX_SMTP_*} variables as survey-service's respondent invitations). Off while
 * {@code host} is empty: invitations are then only copied as links.
 *
 * @param host the SMTP server; empty: no e-mail
 * @param port its port
 * @param username empty: no authentication
 * @param password with {@code username}
 * @param from the sender, e.g. {@code CX Hub <no-reply@example.com>}
 * @param security {@code starttls} (required), {@code tls}/{@code ssl} (implicit) or {@code none}
 * @param connectTimeout longest wait for the connection
 * @param timeout longest wait for each SMTP reply
 * @param sendTimeout longest the CreateInvitation reply waits for the whole send; later, the
 *     reply says the e-mail was not sent (keep it under the gateway's call deadline)
 */
@ConfigurationProperties("cx.gateway.mail")
public record MailProperties(
    @DefaultValue("") String host,
    @DefaultValue("587") int port,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("CX Hub <no-reply@localhost>") String from,
    @DefaultValue("starttls") String security,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("8s") Duration sendTimeout) {

  public SmtpSettings smtp() {
    return new SmtpSettings(host, port, username, password, from, security, connectTimeout, timeout);
  }
}
