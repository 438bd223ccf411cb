package io.cxhub.survey.invitation;

/** Port to the SMS provider. Never throws for a failed send: that is a {@link ProviderResult}. */
public interface SmsSender {

  /** Whether a provider is configured; SMS campaigns are refused without one. */
  boolean configured();

  /** @param to an international number, {@code +} and digits */
  ProviderResult send(String to, String text, String reference);
}
