package io.cxhub.kit.domain;

/**
 * The shared vocabulary of channels: how a customer contacts the company or gives
 * feedback (a persona's preferred channels, a journey touchpoint, the channel a survey
 * response arrived through). Mirrors {@code cx.common.v1.Channel} without depending on
 * generated code, so a service's domain can use it; the constants have the proto names
 * without their {@code CHANNEL_} prefix, in the same order, and are stored by
 * {@link #name()}. {@link #UNSPECIFIED} stands for "not given" (and for values this
 * version does not know).
 */
public enum Channel {
  UNSPECIFIED,
  LINK,
  EMAIL,
  SMS,
  MESSAGING,
  IN_APP,
  WEB_WIDGET,
  CHATBOT,
  KIOSK,
  QR,
  SOCIAL,
  REVIEW,
  SUPPORT;

  /**
   * The channel stored under {@code name}; {@link #UNSPECIFIED} when the name is missing
   * or unknown (written by a newer version), so that reading old or newer data never fails.
   */
  public static Channel fromName(String name) {
    if (name == null) {
      return UNSPECIFIED;
    }
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      return UNSPECIFIED;
    }
  }
}
