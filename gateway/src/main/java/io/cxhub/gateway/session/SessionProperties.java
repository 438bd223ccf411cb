package io.cxhub.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of dashboard sign-in, prefix {@code cx.gateway.session}.
 *
 * @param cookieSecure whether the session cookie carries {@code Secure} (browsers then send
 *     it over HTTPS only); turn off only for plain-HTTP localhost
 * @param sameSite the cookies' {@code SameSite}: {@code Strict} or {@code Lax}
 * @param idleTimeout a session ends after this long without a request
 * @param absoluteTimeout a session ends this long after sign-in, whatever its use
 * @param loginAttemptsPerAccount sign-in attempts allowed per e-mail address per {@code loginPeriod}
 * @param loginAttemptsPerAddress sign-in attempts allowed per client address per {@code loginPeriod}
 * @param loginPeriod the window of the two limits above (token buckets refilled continuously)
 * @param invitationTtl how long an invitation link works
 * @param oidc optional single sign-on
 */
@ConfigurationProperties("cx.gateway.session")
public record SessionProperties(
    @DefaultValue("true") boolean cookieSecure,
    @DefaultValue("Strict") String sameSite,
    @DefaultValue("2h") Duration idleTimeout,
    @DefaultValue("12h") Duration absoluteTimeout,
    @DefaultValue("5") long loginAttemptsPerAccount,
    @DefaultValue("30") long loginAttemptsPerAddress,
    @DefaultValue("15m") Duration loginPeriod,
    @DefaultValue("7d") Duration invitationTtl,
    @DefaultValue Oidc oidc) {

  public SessionProperties {
    if (!sameSite.equals("Strict") && !sameSite.equals("Lax")) {
      throw new IllegalArgumentException("cx.gateway.session.same-site must be Strict or Lax, not " + sameSite);
    }
  }

  /**
   * OpenID Connect sign-in (authorization code with PKCE). Off while {@code issuer} is empty.
   * A person signing in must already be a user (invited) with the e-mail address the
   * provider asserts, or be listed for auto-provisioning by {@code defaultTenant}.
   *
   * @param issuer the provider's issuer URL; its discovery document is read at first use
   * @param clientId the client registered at the provider
   * @param clientSecret its secret, if the provider requires one (confidential client)
   * @param redirectUri the callback URL registered at the provider, e.g.
   *     {@code https://cx.example.com/auth/oidc/callback}
   * @param label the sign-in button's text
   */
  public record Oidc(
      @DefaultValue("") String issuer,
      @DefaultValue("") String clientId,
      @DefaultValue("") String clientSecret,
      @DefaultValue("") String redirectUri,
      @DefaultValue("Single sign-on") String label) {

    public boolean enabled() {
      return !issuer.isBlank() && !clientId.isBlank();
    }
  }
}
