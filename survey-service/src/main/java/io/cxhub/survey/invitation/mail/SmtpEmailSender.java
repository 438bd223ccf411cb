package io.cxhub.survey.invitation.mail;

import io.cxhub.kit.mail.MailMessage;
import io.cxhub.kit.mail.MailResult;
import io.cxhub.kit.mail.SmtpMailer;
import io.cxhub.kit.mail.SmtpSettings;
import io.cxhub.survey.invitation.EmailSender;
import io.cxhub.survey.invitation.ProviderResult;
import java.util.LinkedHashMap;

/**
 * Sends invitations through the kit's {@link SmtpMailer} (Jakarta Mail): a
 * multipart/alternative message (plain text, then HTML), with {@code List-Unsubscribe} and
 * RFC 8058 one-click headers and the invitation's reference for bounce handling.
 *
 * <p>The SMTP reply decides what happens next (see {@link SmtpMailer}): a recipient refused
 * is a bounce; a transient refusal or no connection at all is retried; anything else is a
 * failure that is not retried, since the message may have left.
 */
public final class SmtpEmailSender implements EmailSender {

  private final SmtpMailer mailer;

  public SmtpEmailSender(SmtpSettings settings) {
    this.mailer = new SmtpMailer(settings);
  }

  @Override
  public boolean configured() {
    return mailer.configured();
  }

  @Override
  public ProviderResult send(EmailMessage m) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("List-Unsubscribe", "<" + m.optOutUrl() + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("X-CX-Invitation", m.reference());
    headers.put("Auto-Submitted", "auto-generated");
    return toProviderResult(mailer.send(new MailMessage(m.to(), m.subject(), m.text(), m.html(), headers)));
  }

  static ProviderResult toProviderResult(MailResult result) {
    return switch (result.outcome()) {
      case ACCEPTED -> ProviderResult.accepted();
      case RETRY -> ProviderResult.retry(result.error());
      case BOUNCED -> ProviderResult.bounced(result.error());
      case FAILED -> ProviderResult.failed(result.error());
    };
  }
}
