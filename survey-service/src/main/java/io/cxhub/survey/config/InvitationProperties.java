package io.cxhub.survey.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitation settings under {@code cx.survey.invitations}.
 *
 * @param enabled whether this instance runs the send queue's dispatcher
 * @param pollInterval time between two looks at the queue
 * @param batchSize messages per tenant per look
 * @param perTenantLimit messages a tenant may send per {@code throttleWindow} (counted in
 *     MongoDB, so the budget holds across replicas); 0 for no limit
 * @param throttleWindow length of a throttling window
 * @param maxAttempts attempts per message, the first included
 * @param initialBackoff wait after the first refused attempt
 * @param maxBackoff longest wait between two attempts
 * @param personaDeadline deadline of one look-up of recipients in persona-service
 * @param smtp the SMTP server
 * @param sms the SMS provider
 */
@ConfigurationProperties("cx.survey.invitations")
public record InvitationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("600") int perTenantLimit,
    @DefaultValue("1m") Duration throttleWindow,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("1m") Duration initialBackoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("3s") Duration personaDeadline,
    @DefaultValue Smtp smtp,
    @DefaultValue Sms sms) {

  /**
   * The SMTP server; e-mail campaigns are refused while {@code host} is empty.
   *
   * @param security {@code starttls} (required), {@code tls} (implicit, port 465) or {@code none}
   * @param from the sender, e.g. {@code Surveys <surveys@example.com>}
   */
  public record Smtp(
      @DefaultValue("") String host,
      @DefaultValue("587") int port,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("CX Hub <no-reply@localhost>") String from,
      @DefaultValue("starttls") String security,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("30s") Duration timeout) {}

  /**
   * The SMS provider; SMS campaigns are refused while {@code url} is empty.
   *
   * @param authHeaderName e.g. {@code Authorization}
   * @param authHeaderValue e.g. {@code Bearer …}
   * @param bodyTemplate JSON with {@code {{to}}}, {@code {{from}}}, {@code {{text}}}, {@code {{reference}}}
   * @param from the sender id or number
   */
  public record Sms(
      @DefaultValue("") String url,
      @DefaultValue("Authorization") String authHeaderName,
      @DefaultValue("") String authHeaderValue,
      @DefaultValue("") String bodyTemplate,
      @DefaultValue("") String from,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("15s") Duration requestTimeout) {}
}
