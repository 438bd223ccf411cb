package io.cxhub.gateway.page;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The page's accent colour from the tenant's branding, made readable: white text on it and
 * it on white keep a contrast of at least 4.5:1 (WCAG 2.1 AA), darkening it if needed.
 */
final class Accent {

  static final String DEFAULT = "#1d4ed8";
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  private Accent() {}

  static String readable(String color) {
    String hex = color != null && HEX.matcher(color).matches() ? color.toLowerCase(Locale.ROOT) : DEFAULT;
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    for (int i = 0; i < 60 && contrastWithWhite(r, g, b) < 4.5; i++) {
      r = r * 9 / 10;
      g = g * 9 / 10;
      b = b * 9 / 10;
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  static double contrastWithWhite(int r, int g, int b) {
    double l = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    return 1.05 / (l + 0.05);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
