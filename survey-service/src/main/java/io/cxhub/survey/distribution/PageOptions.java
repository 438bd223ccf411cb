package io.cxhub.survey.distribution;

/**
 * How a distribution's hosted page behaves.
 *
 * @param reviewUrl where promoters are invited to leave a public review; empty: the
 *     tenant's branding decides
 * @param kiosk a shared device: the page returns to the first question, empty, after each response
 */
public record PageOptions(String reviewUrl, boolean kiosk) {

  public static final PageOptions DEFAULT = new PageOptions("", false);

  public PageOptions {
    reviewUrl = reviewUrl == null ? "" : reviewUrl;
  }
}
