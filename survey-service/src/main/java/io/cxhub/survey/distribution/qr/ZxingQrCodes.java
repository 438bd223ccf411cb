package io.cxhub.survey.distribution.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.cxhub.survey.distribution.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * QR codes from ZXing. Error correction M (15 % of the code may be damaged, the usual
 * choice for print) and the standard 4-module quiet zone. The SVG draws one rectangle per
 * dark module, in module units, so it scales without blur.
 */
public final class ZxingQrCodes implements QrCodes {

  private static final Map<EncodeHintType, Object> HINTS = Map.of(
      EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
      EncodeHintType.CHARACTER_SET, "UTF-8",
      EncodeHintType.MARGIN, 4);

  @Override
  public byte[] png(String text, int size) {
    var out = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(encode(text, size), "PNG", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public String svg(String text) {
    // size 0: one matrix cell per module
    BitMatrix matrix = encode(text, 0);
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    var svg = new StringBuilder(64 * width)
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" shape-rendering=\"crispEdges\">")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return svg.append("\"/></svg>\n").toString();
  }

  private static BitMatrix encode(String text, int size) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
    }
  }
}
