package io.cxhub.survey.distribution;

import io.cxhub.kit.error.Violations;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and replaces a tenant's branding of its hosted survey pages. */
public final class ManageBranding {

  static final int MAX_NAME = 100;
  static final int MAX_URL = 2_000;
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private final Brandings brandings;

  public ManageBranding(Brandings brandings) {
    this.brandings = brandings;
  }

  public Branding get(String tenantId) {
    return brandings.find(tenantId).orElse(Branding.DEFAULT);
  }

  /** @param branding null when not given */
  public Branding update(String tenantId, Branding branding) {
    var violations = new Violations();
    if (branding == null) {
      violations.add("branding", "is required").throwIfAny();
    }
    violations.maxLength("branding.name", branding.name(), MAX_NAME);
    if (!branding.logoUrl().isEmpty() && !isUrl(branding.logoUrl(), false)) {
      violations.add("branding.logo_url", "must be an absolute https URL of at most " + MAX_URL + " characters");
    }
    violations.matches("branding.color", branding.color().isEmpty() ? "#000000" : branding.color(), COLOR, "#rrggbb");
    checkReviewUrl(violations, "branding.review_url", branding.reviewUrl());
    violations.throwIfAny();
    var saved = new Branding(branding.name().strip(), branding.logoUrl(),
        branding.color().toLowerCase(Locale.ROOT), branding.reviewUrl());
    brandings.save(tenantId, saved);
    return saved;
  }

  static void checkReviewUrl(Violations violations, String field, String url) {
    if (url != null && !url.isEmpty() && !isUrl(url, true)) {
      violations.add(field, "must be an absolute http(s) URL of at most " + MAX_URL + " characters");
    }
  }

  static boolean isUrl(String value, boolean allowHttp) {
    if (value.length() > MAX_URL) {
      return false;
    }
    try {
      var uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || (allowHttp && scheme.equals("http"))) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
