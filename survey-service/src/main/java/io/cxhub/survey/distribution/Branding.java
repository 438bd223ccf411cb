package io.cxhub.survey.distribution;

/**
 * How a tenant's hosted survey pages look; an empty field means the neutral default.
 *
 * @param name company name shown at the top
 * @param logoUrl absolute https URL of the logo
 * @param color accent colour {@code #rrggbb}
 * @param reviewUrl where promoters are invited to leave a public review, unless the
 *     distribution names its own
 */
public record Branding(String name, String logoUrl, String color, String reviewUrl) {

  public static final Branding DEFAULT = new Branding("", "", "", "");

  public Branding {
    name = name == null ? "" : name;
    logoUrl = logoUrl == null ? "" : logoUrl;
    color = color == null ? "" : color;
    reviewUrl = reviewUrl == null ? "" : reviewUrl;
  }

  /** The same branding with the review link that applies to one distribution. */
  public Branding forDistribution(Distribution distribution) {
    String own = distribution.page().reviewUrl();
    return own.isEmpty() ? this : new Branding(name, logoUrl, color, own);
  }
}
