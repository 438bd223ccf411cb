package io.cxhub.survey.distribution;

/**
 * Builds the URL respondents open for a distribution: the public base URL of the gateway
 * followed by the respondent API path of the token.
 */
public final class PublicUrls {

  private final String baseUrl;

  /** @param baseUrl e.g. {@code https://feedback.example.com}; a trailing slash is ignored */
  public PublicUrls(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String of(String token) {
    return baseUrl + "/v1/public/surveys/" + token;
  }

  /** The opt-out link of an invitation token (the public InvitationService.OptOut route). */
  public String optOut(String token) {
    return baseUrl + "/v1/public/invitations/" + token + "/opt-out";
  }
}
