package io.cxhub.kit.mail;

/**
 * What the SMTP server made of one message. Only {@link Outcome#RETRY} may be sent again:
 * the server certainly did not take the message (no connection, or an explicit "try later"),
 * so that a retry never makes a second copy.
 *
 * @param error what went wrong, without the message's content; empty when accepted
 */
public record MailResult(Outcome outcome, String error) {

  /** The outcomes of a send. */
  public enum Outcome {
    /** Taken for delivery. */
    ACCEPTED,
    /** Not taken, and may be taken later. */
    RETRY,
    /** Refused for this recipient (unknown mailbox, invalid address). */
    BOUNCED,
    /** Refused for good, or an answer that leaves it unknown whether it left. */
    FAILED
  }

  public MailResult {
    error = error == null ? "" : error;
  }

  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }

  public static MailResult ofAccepted() {
    return new MailResult(Outcome.ACCEPTED, "");
  }

  public static MailResult retry(String error) {
    return new MailResult(Outcome.RETRY, error);
  }

  public static MailResult bounced(String error) {
    return new MailResult(Outcome.BOUNCED, error);
  }

  public static MailResult failed(String error) {
    return new MailResult(Outcome.FAILED, error);
  }
}
