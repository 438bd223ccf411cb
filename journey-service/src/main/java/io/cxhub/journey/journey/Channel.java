package io.cxhub.journey.journey;

/**
 * The channel of a touchpoint. Mirrors {@code cx.common.v1.Channel} without depending on
 * generated code; {@link #UNSPECIFIED} stands for "not given" (and for values this
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
  SUPPORT
}
