package io.cxhub.survey.response;

/** The channel a response arrived through; a reporting dimension of every indicator. */
public enum Channel {
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
