package io.cxhub.survey.distribution;

/** Port to a QR code encoder. */
public interface QrCodes {

  /** A PNG image, {@code size} pixels square, encoding {@code text}. */
  byte[] png(String text, int size);

  /** A standalone SVG document encoding {@code text}. */
  String svg(String text);
}
