package io.cxhub.gateway.admin;

import io.cxhub.kit.mail.MailResult;
import io.cxhub.kit.mail.SmtpMailer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * E-mails a new invitation through the kit's {@link SmtpMailer}. The SMTP conversation runs
 * on a blocking scheduler, never on an event loop, and the caller waits for it at most
 * {@code sendTimeout}. A failure is logged with the invitation's id, never its secret or
 * link, and answered as "not sent": the admin copies the link instead.
 */
final class SmtpInvitationNotifier implements InvitationNotifier {

  private static final Logger log = LoggerFactory.getLogger(SmtpInvitationNotifier.class);

  private final SmtpMailer mailer;
  private final Scheduler blocking;
  private final Duration sendTimeout;

  SmtpInvitationNotifier(SmtpMailer mailer, Scheduler blocking, Duration sendTimeout) {
    this.mailer = mailer;
    this.blocking = blocking;
    this.sendTimeout = sendTimeout;
  }

  @Override
  public boolean notify(Notice notice) {
    String invitationId = notice.invitation().invitationId();
    String tenant = notice.invitation().tenantId();
    MailResult result;
    try {
      var message = InvitationMail.of(notice);
      result = Mono.fromCallable(() -> mailer.send(message))
          .subscribeOn(blocking)
          .timeout(sendTimeout)
          .block();
    } catch (RuntimeException e) {
      Throwable cause = Exceptions.unwrap(e);
      log.warn("invitation e-mail not sent tenant={} invitationId={}: {}", tenant, invitationId,
          cause instanceof TimeoutException ? "no answer from the SMTP server within " + sendTimeout
              : cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return false;
    }
    if (result == null || !result.accepted()) {
      log.warn("invitation e-mail not sent tenant={} invitationId={} outcome={}: {}", tenant, invitationId,
          result == null ? "none" : result.outcome(), result == null ? "" : result.error());
      return false;
    }
    log.info("invitation e-mail sent tenant={} invitationId={}", tenant, invitationId);
    return true;
  }
}
