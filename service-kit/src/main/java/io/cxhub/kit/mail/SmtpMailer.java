package io.cxhub.kit.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends e-mail through an SMTP server with Jakarta Mail (Angus Mail): a
 * multipart/alternative message (plain text, then HTML) with the caller's extra headers.
 * Shared by survey-service (respondent invitations) and the gateway (dashboard invitations).
 *
 * <p>It blocks for the whole SMTP conversation (bounded by the settings' timeouts): call it
 * from a worker or a blocking scheduler, never from an event loop. It never throws for a
 * failed send; the SMTP reply decides the {@link MailResult}: a recipient refused (5xx on
 * RCPT) is a bounce; a transient refusal (4xx) or no connection at all may be retried, since
 * the server took nothing; anything else (an error after the message data was sent, a
 * timeout) is a failure that must not be retried, since the message may have left.
 */
public final class SmtpMailer {

  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(SmtpSettings settings) {
    if (!settings.configured()) {
      this.session = null;
      this.from = null;
      return;
    }
    var security = settings.securityMode();
    boolean tls = security == SmtpSettings.Security.TLS;
    String protocol = tls ? "smtps" : "smtp";
    var p = new Properties();
    p.put("mail.transport.protocol", protocol);
    // Transport.send picks the transport by address type
    p.put("mail.transport.protocol.rfc822", protocol);
    p.put("mail." + protocol + ".host", settings.host());
    p.put("mail." + protocol + ".port", Integer.toString(settings.port()));
    p.put("mail." + protocol + ".connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    p.put("mail." + protocol + ".timeout", Long.toString(settings.timeout().toMillis()));
    p.put("mail." + protocol + ".writetimeout", Long.toString(settings.timeout().toMillis()));
    if (security == SmtpSettings.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (security != SmtpSettings.Security.NONE) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    boolean auth = !settings.username().isEmpty();
    p.put("mail." + protocol + ".auth", Boolean.toString(auth));
    Authenticator authenticator = auth ? new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(settings.username(), settings.password());
      }
    } : null;
    this.session = Session.getInstance(p, authenticator);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("the sender address (CX_SMTP_FROM) is not an e-mail address: " + e.getMessage());
    }
  }

  /** Whether an SMTP server is configured; {@link #send} fails at once without one. */
  public boolean configured() {
    return session != null;
  }

  /** Sends one message; blocks for the SMTP conversation (see the class comment). */
  public MailResult send(MailMessage m) {
    if (session == null) {
      return MailResult.failed("e-mail sending is not configured");
    }
    MimeMessage message;
    try {
      message = build(m);
    } catch (MessagingException | UnsupportedEncodingException e) {
      return MailResult.bounced("cannot build the message: " + e.getMessage());
    }
    try {
      Transport.send(message);
      return MailResult.ofAccepted();
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  private MimeMessage build(MailMessage m) throws MessagingException, UnsupportedEncodingException {
    var message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
    message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    for (var header : m.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    var text = new MimeBodyPart();
    text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
    var html = new MimeBodyPart();
    html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
    var alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** What an SMTP failure means for the next step (see the class comment). */
  public static MailResult classify(MessagingException e) {
    String error = describe(e);
    for (Throwable t = e; t != null; t = t instanceof MessagingException me && me.getNextException() != null
        ? me.getNextException() : t.getCause()) {
      if (t instanceof SMTPAddressFailedException address) {
        return address.getReturnCode() >= 500 ? MailResult.bounced(error) : MailResult.retry(error);
      }
      if (t instanceof SMTPSendFailedException send) {
        int code = send.getReturnCode();
        return code >= 400 && code < 500 ? MailResult.retry(error) : MailResult.failed(error);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return MailResult.retry(error);
      }
      if (t == t.getCause()) {
        break;
      }
    }
    if (e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
        && sfe.getInvalidAddresses().length > 0) {
      return MailResult.bounced(error);
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Couldn't connect to host")) {
      return MailResult.retry(error);
    }
    return MailResult.failed(error);
  }

  private static String describe(MessagingException e) {
    var text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    Exception next = e.getNextException();
    if (next != null && next != e) {
      text.append(" (").append(next.getClass().getSimpleName()).append(": ").append(next.getMessage()).append(')');
    }
    String s = text.toString().replaceAll("\\s+", " ").strip();
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
