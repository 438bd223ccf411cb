package io.cxhub.survey.invitation;

/**
 * What a provider made of one message. Only {@link Outcome#RETRY} is sent again, and only
 * when the provider certainly did not take the message (no connection, or an explicit
 * "try later"), so that a retry never makes a second copy.
 */
public record ProviderResult(Outcome outcome, String error) {

  /** The outcomes of a send. */
  public enum Outcome {
    /** Taken for delivery. */
    ACCEPTED,
    /** Not taken, and may be taken later. */
    RETRY,
    /** Refused for this recipient (unknown mailbox, invalid number). */
    BOUNCED,
    /** Refused for good, or an answer that leaves it unknown whether it left. */
    FAILED
  }

  public ProviderResult {
    error = error == null ? "" : error;
  }

  public static ProviderResult accepted() {
    return new ProviderResult(Outcome.ACCEPTED, "");
  }

  public static ProviderResult retry(String error) {
    return new ProviderResult(Outcome.RETRY, error);
  }

  public static ProviderResult bounced(String error) {
    return new ProviderResult(Outcome.BOUNCED, error);
  }

  public static ProviderResult failed(String error) {
    return new ProviderResult(Outcome.FAILED, error);
  }
}
