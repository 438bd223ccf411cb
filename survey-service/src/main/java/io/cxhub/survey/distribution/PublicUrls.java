package io.cxhub.survey.distribution;

/**
 * Public links of distributions (and invitations): {@code <public-url>/s/<token>}, the
 * hosted survey page the gateway serves. The base is the one {@code cx.public-url} setting.
 */
public final class PublicUrls {

  /** The path prefix of hosted survey pages. */
  public static final String PAGE_PATH = "/s/";

  private final String baseUrl;

  /** @param baseUrl e.g. {@code https://feedback.example.com}; a trailing slash is ignored */
  public PublicUrls(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The page of a token, e.g. {@code https://feedback.example.com/s/<token>}. */
  public String of(String token) {
    return baseUrl + PAGE_PATH + token;
  }

  /** The base address itself, without a trailing slash. */
  public String base() {
    return baseUrl;
  }

  /** The opt-out link of an invitation token (the public InvitationService.OptOut route). */
  public String optOut(String token) {
    return baseUrl + "/v1/public/invitations/" + token + "/opt-out";
  }
}
