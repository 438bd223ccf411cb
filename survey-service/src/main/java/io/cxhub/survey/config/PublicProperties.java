package io.cxhub.survey.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one public-address setting shared by every part of the hub, {@code cx.public-url}
 * (environment {@code CX_PUBLIC_URL}).
 *
 * @param publicUrl the address respondents reach the hub at (the gateway, or the proxy in
 *     front of it), e.g. {@code https://feedback.example.com}: every distribution and
 *     invitation link and every QR code is {@code <publicUrl>/s/<token>}
 */
@ConfigurationProperties("cx")
public record PublicProperties(@DefaultValue("http://localhost:8080") String publicUrl) {

  public PublicProperties {
    URI uri;
    try {
      uri = URI.create(publicUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cx.public-url (CX_PUBLIC_URL) is not a URL: '" + publicUrl + "'");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "cx.public-url (CX_PUBLIC_URL) must be an absolute http(s) URL without query, not '" + publicUrl + "'");
    }
    publicUrl = publicUrl.strip();
  }
}
