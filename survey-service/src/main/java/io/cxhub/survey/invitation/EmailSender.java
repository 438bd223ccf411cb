package io.cxhub.survey.invitation;

/** Port to the SMTP server. Never throws for a failed send: that is a {@link ProviderResult}. */
public interface EmailSender {

  /** Whether an SMTP server is configured; e-mail campaigns are refused without one. */
  boolean configured();

  ProviderResult send(EmailMessage message);

  /**
   * One e-mail.
   *
   * @param optOutUrl also sent as {@code List-Unsubscribe} (with RFC 8058 one-click)
   * @param reference an id the bounce handling can match ({@code X-CX-Invitation})
   */
  record EmailMessage(String to, String subject, String text, String html, String optOutUrl, String reference) {}
}
