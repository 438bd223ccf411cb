package io.cxhub.persona.persona;

/**
 * A channel through which a customer contacts the company or gives feedback. Mirrors
 * {@code cx.common.v1.Channel} without depending on generated code; {@link #UNSPECIFIED}
 * stands for "not given" (and for values this version does not know).
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
