package io.cxhub.gateway.cors;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** What may be listed as an allowed origin: {@code scheme://host[:port]}, http or https, nothing else. */
public final class CorsOrigins {

  public static final int MAX_ORIGINS = 20;

  private CorsOrigins() {}

  /** The origin in its canonical form (lower case, no default port), if it is one. */
  public static Optional<String> canonical(String origin) {
    if (origin == null || origin.length() > 200) {
      return Optional.empty();
    }
    String value = origin.strip().toLowerCase(Locale.ROOT);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean isValid(String origin) {
    return canonical(origin).filter(origin::equals).isPresent();
  }
}
