package io.cxhub.gateway.session;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE (S256), a {@code state}
 * bound to the browser by a cookie and a {@code nonce} bound to the ID token. The protocol
 * work (discovery, the token request, the ID token's signature, issuer, audience, expiry and
 * nonce checks) is the Nimbus OAuth 2.0 SDK's; this class decides what the gateway keeps
 * between the two legs and which person a verified token names. Methods block (HTTP calls
 * to the provider, storage): call them off the event loop.
 *
 * <p>A provider's assertion only names a person: CX Hub signs in the user with that e-mail
 * address ({@link #emailOf}), or accepts an open invitation to it. An address the provider marks unverified
 * ({@code email_verified: false}) is refused; providers that do not send the claim are
 * trusted for the addresses they assert.
 */
public final class OidcSignIn {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
  /** How long a browser may take at the provider (login form, second factor). */
  static final Duration ATTEMPT_TTL = Duration.ofMinutes(10);
  private static final int TIMEOUT_MILLIS = 5_000;
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;
  private static final Set<JWSAlgorithm> SIGNATURES = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
      JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

  private final SessionProperties.Oidc settings;
  private final OidcLogins attempts;
  private final SessionService sessions;
  private final SecureRandom random;
  private final Clock clock;
  private volatile Provider provider;

  public OidcSignIn(SessionProperties.Oidc settings, OidcLogins attempts, SessionService sessions,
      SecureRandom random, Clock clock) {
    this.settings = settings;
    this.attempts = attempts;
    this.sessions = sessions;
    this.random = random;
    this.clock = clock;
  }

  /** Why a sign-in through the provider did not happen, in words a person can act on. */
  public enum Reason {
    NOT_CONFIGURED(404, "Single sign-on is not configured on this hub.",
        "L'authentification unique n'est pas configurée sur ce hub."),
    NOT_STARTED(400, "This sign-in did not start here or took too long. Start again.",
        "Cette connexion n'a pas commencé ici ou a pris trop de temps. Recommencez."),
    FOREIGN_ANSWER(400, "The provider's answer does not belong to this sign-in. Start again.",
        "La réponse du fournisseur ne correspond pas à cette connexion. Recommencez."),
    REFUSED(401, "The sign-in provider did not sign you in.",
        "Le fournisseur d'identité ne vous a pas connecté."),
    NO_EMAIL(401, "The provider did not give your e-mail address; ask its administrator to release the 'email' claim.",
        "Le fournisseur n'a pas transmis votre adresse e-mail ; demandez à son administrateur de publier la donnée « email »."),
    UNVERIFIED_EMAIL(401, "The provider says your e-mail address is not verified.",
        "Le fournisseur indique que votre adresse e-mail n'est pas vérifiée."),
    INVALID_TOKEN(401, "The provider's answer could not be trusted (invalid ID token).",
        "La réponse du fournisseur n'est pas fiable (jeton d'identité invalide)."),
    NOT_A_USER(403, "No one with this e-mail address uses this hub. Ask an administrator for an invitation.",
        "Personne n'utilise ce hub avec cette adresse e-mail. Demandez une invitation à un administrateur."),
    UNREACHABLE(502, "The sign-in provider could not be reached. Try again later.",
        "Le fournisseur d'identité est injoignable. Réessayez plus tard.");

    private final int status;
    private final String english;
    private final String french;

    Reason(int status, String english, String french) {
      this.status = status;
      this.english = english;
      this.french = french;
    }

    public int status() {
      return status;
    }

    public String message(boolean inFrench) {
      return inFrench ? french : english;
    }
  }

  /** A sign-in through the provider that did not happen. */
  public static final class Failure extends RuntimeException {
    private final Reason reason;

    Failure(Reason reason) {
      super(reason.english);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Where to send the browser, and the cookie value that binds the attempt to it. */
  public record Start(URI authorizationUri, String cookieValue) {}

  public boolean enabled() {
    return settings.enabled();
  }

  /**
   * Begins a sign-in.
   *
   * @param defaultRedirectUri the callback address to use when none is configured (derived
   *     from the request; configure it behind a proxy)
   */
  public Start start(URI defaultRedirectUri) {
    Provider op = provider();
    URI redirectUri = settings.redirectUri().isBlank() ? defaultRedirectUri : URI.create(settings.redirectUri());
    var state = new State();
    var nonce = new Nonce();
    var verifier = new CodeVerifier();
    String cookieValue = randomToken();
    attempts.insert(new OidcLogins.Pending(ApiKeySecrets.hash(cookieValue), state.getValue(), nonce.getValue(),
        verifier.getValue(), redirectUri.toString(), clock.instant()));
    URI target = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
            op.clientId, redirectUri)
        .endpointURI(op.metadata.getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build()
        .toURI();
    return new Start(target, cookieValue);
  }

  /**
   * Completes a sign-in from the provider's redirect.
   *
   * @param cookieValue the browser's {@code cx_oidc} cookie
   * @param code the {@code code} parameter
   * @param state the {@code state} parameter
   * @param error the {@code error} parameter, if the provider refused
   * @throws Failure when the attempt is unknown, expired, forged or refused, the token
   *     invalid, the provider unreachable, or the person neither a user nor invited
   */
  public SessionService.SignedIn complete(String cookieValue, String code, String state, String error) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      throw new Failure(Reason.NOT_STARTED);
    }
    var pending = attempts.take(ApiKeySecrets.hash(cookieValue))
        .filter(p -> clock.instant().isBefore(p.createTime().plus(ATTEMPT_TTL)))
        .orElseThrow(() -> new Failure(Reason.NOT_STARTED));
    if (state == null || !MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.UTF_8),
        state.getBytes(StandardCharsets.UTF_8))) {
      throw new Failure(Reason.FOREIGN_ANSWER);
    }
    if (error != null && !error.isBlank()) {
      log.info("single sign-on: the provider answered error={}", error.length() > 60 ? error.substring(0, 60) : error);
      throw new Failure(Reason.REFUSED);
    }
    if (code == null || code.isBlank()) {
      throw new Failure(Reason.REFUSED);
    }
    Provider op = provider();
    IDTokenClaimsSet claims = exchange(op, pending, code);
    String email = emailOf(claims);
    if (email == null) {
      throw new Failure(Reason.NO_EMAIL);
    }
    if (Boolean.FALSE.equals(claims.getBooleanClaim("email_verified"))) {
      throw new Failure(Reason.UNVERIFIED_EMAIL);
    }
    try {
      return sessions.openForVerifiedEmail(email, claims.getStringClaim("name"));
    } catch (SessionException.BadCredentials e) {
      throw new Failure(Reason.NOT_A_USER);
    }
  }

  /** Claims that may carry the person's address, in order of preference. */
  private static final List<String> ADDRESS_CLAIMS = List.of("email", "preferred_username", "upn", "sub");

  /**
   * The person's e-mail address: the {@code email} claim, or else the first of
   * {@code preferred_username} (Microsoft Entra ID, Keycloak), {@code upn} (AD FS) and
   * {@code sub} whose value is an e-mail address.
   */
  static String emailOf(IDTokenClaimsSet claims) {
    for (String name : ADDRESS_CLAIMS) {
      Object value = claims.getClaim(name);
      if (value instanceof String text && text.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        return text.strip();
      }
    }
    return null;
  }

  /** Drops attempts never completed. @return how many */
  public long sweep() {
    return attempts.deleteCreatedBefore(clock.instant().minus(ATTEMPT_TTL));
  }

  private IDTokenClaimsSet exchange(Provider op, OidcLogins.Pending pending, String code) {
    URI redirectUri;
    try {
      redirectUri = new URI(pending.redirectUri());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    var grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
        new CodeVerifier(pending.codeVerifier()));
    URI endpoint = op.metadata.getTokenEndpointURI();
    TokenRequest request;
    if (settings.clientSecret().isBlank()) {
      request = new TokenRequest(endpoint, op.clientId, grant);
    } else if (op.secretInBody) {
      request = new TokenRequest(endpoint, new ClientSecretPost(op.clientId, new Secret(settings.clientSecret())), grant);
    } else {
      request = new TokenRequest(endpoint, new ClientSecretBasic(op.clientId, new Secret(settings.clientSecret())), grant);
    }
    TokenResponse response;
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MILLIS);
      http.setReadTimeout(TIMEOUT_MILLIS);
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException | ParseException e) {
      log.warn("single sign-on: token request to {} failed: {}", endpoint, e.toString());
      throw new Failure(Reason.UNREACHABLE);
    }
    if (!response.indicatesSuccess()) {
      var errorObject = response.toErrorResponse().getErrorObject();
      log.info("single sign-on: token request refused: {}", errorObject == null ? "?" : errorObject.getCode());
      throw new Failure(Reason.REFUSED);
    }
    var tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    if (tokens.getIDToken() == null) {
      throw new Failure(Reason.INVALID_TOKEN);
    }
    try {
      return op.validator.validate(tokens.getIDToken(), new Nonce(pending.nonce()));
    } catch (BadJOSEException e) {
      log.warn("single sign-on: ID token refused: {}", e.getMessage());
      throw new Failure(Reason.INVALID_TOKEN);
    } catch (com.nimbusds.jose.JOSEException e) {
      log.warn("single sign-on: ID token could not be checked: {}", e.toString());
      throw new Failure(Reason.UNREACHABLE);
    }
  }

  /** The provider's metadata, read at first use and kept; a failed read is tried again next time. */
  private Provider provider() {
    Provider known = provider;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (provider == null) {
        provider = discover();
      }
      return provider;
    }
  }

  private Provider discover() {
    if (!settings.enabled()) {
      throw new Failure(Reason.NOT_CONFIGURED);
    }
    OIDCProviderMetadata metadata;
    try {
      metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
    } catch (IOException | GeneralException e) {
      log.warn("single sign-on: discovery of {} failed: {}", settings.issuer(), e.toString());
      throw new Failure(Reason.UNREACHABLE);
    }
    var algorithms = new LinkedHashSet<JWSAlgorithm>();
    List<JWSAlgorithm> advertised = metadata.getIDTokenJWSAlgs();
    if (advertised != null) {
      advertised.stream().filter(SIGNATURES::contains).forEach(algorithms::add);
    }
    if (algorithms.isEmpty()) {
      algorithms.add(JWSAlgorithm.RS256);
    }
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
          new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, JWKS_SIZE_LIMIT)).build();
    } catch (java.net.MalformedURLException | RuntimeException e) {
      throw new Failure(Reason.UNREACHABLE);
    }
    var clientId = new ClientID(settings.clientId());
    var validator = new IDTokenValidator(metadata.getIssuer(), clientId,
        new JWSVerificationKeySelector<>(algorithms, keys), null);
    validator.setMaxClockSkew(60);
    var methods = metadata.getTokenEndpointAuthMethods();
    boolean secretInBody = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    log.info("single sign-on: provider {} ready (ID token algorithms {})", metadata.getIssuer(), algorithms);
    return new Provider(metadata, clientId, validator, secretInBody);
  }

  private record Provider(OIDCProviderMetadata metadata, ClientID clientId, IDTokenValidator validator,
      boolean secretInBody) {}

  private String randomToken() {
    var bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
