package io.cxhub.survey.distribution;

import io.cxhub.kit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;

/** The QR code of a distribution's public URL, as PNG or SVG. */
public final class RenderQrCode {

  public static final int DEFAULT_SIZE = 300;
  public static final int MIN_SIZE = 100;
  public static final int MAX_SIZE = 2_000;

  private final ManageDistributions distributions;
  private final QrCodes qrCodes;
  private final PublicUrls urls;

  public RenderQrCode(ManageDistributions distributions, QrCodes qrCodes, PublicUrls urls) {
    this.distributions = distributions;
    this.qrCodes = qrCodes;
    this.urls = urls;
  }

  /** An image and its media type. */
  public record Image(String contentType, byte[] data) {}

  /** @param size pixels of a PNG; 0 for the default */
  public Image render(String tenantId, String distributionId, boolean svg, int size) {
    if (!svg && size != 0 && (size < MIN_SIZE || size > MAX_SIZE)) {
      throw InvalidInputException.of("size", "must be between " + MIN_SIZE + " and " + MAX_SIZE);
    }
    String url = urls.of(distributions.get(tenantId, distributionId).token());
    if (svg) {
      return new Image("image/svg+xml", qrCodes.svg(url).getBytes(StandardCharsets.UTF_8));
    }
    return new Image("image/png", qrCodes.png(url, size == 0 ? DEFAULT_SIZE : size));
  }
}
