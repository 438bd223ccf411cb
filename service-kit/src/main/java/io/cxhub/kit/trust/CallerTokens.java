package io.cxhub.kit.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.Metadata;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies the caller tokens that carry a call's tenant between the gateway and
 * the services, and between services: a compact JWS (ES256, {@code typ} {@value #TYPE}) in
 * the {@code authorization} metadata entry as {@code Bearer <token>}, with the claims
 * {@code iss} (the signing principal, which must own the key named by {@code kid}),
 * {@code aud} (the gRPC service called), {@code iat}/{@code exp} (a short life,
 * {@link #DEFAULT_TTL} by default), {@code tenant}, {@code role}, {@code scope} and, when
 * a caller asks for it, {@code rid} (a request id; the gateway and the services send theirs
 * as {@code x-request-id} metadata instead, so that their tokens can be reused, see
 * {@link #bearer}).
 */
public final class CallerTokens {

  /** The principal of the gateway, whose tokens carry the role and scopes of the person or key behind a call. */
  public static final String GATEWAY = "gateway";

  public static final String TYPE = "cx-caller+jwt";

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(90);

  /** Clock skew tolerated between the signer's and the verifier's clocks. */
  public static final Duration LEEWAY = Duration.ofSeconds(30);

  /** Longest life a verifier accepts, whatever the signer set. */
  public static final Duration MAX_TTL = Duration.ofMinutes(5);

  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final String BEARER = "Bearer ";
  private static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);

  /** Most tokens kept by each of the caches below; beyond it a cache starts afresh. */
  static final int CACHE_SIZE = 4096;

  private final TrustKeys keys;
  private final Clock clock;
  private final Duration ttl;
  private final ECDSASigner signer;
  /** Tokens minted without a request id, by claims: reused for a third of their life. */
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();
  /** Tokens already verified, by audience and token: checked again for expiry only. */
  private final Map<String, CallerToken> verified = new ConcurrentHashMap<>();

  private record Minted(String token, Instant reuseUntil) {}

  public CallerTokens(TrustKeys keys, Clock clock, Duration ttl) {
    this.keys = Objects.requireNonNull(keys);
    this.clock = Objects.requireNonNull(clock);
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("a caller token lives between 1 s and " + MAX_TTL + ", not " + ttl);
    }
    this.ttl = ttl;
    try {
      this.signer = new ECDSASigner(keys.signingKey());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable signing key", e);
    }
    warmUp();
  }

  /**
   * Signs and checks one token now: the first use of the JCA's EC code costs hundreds of
   * milliseconds (class loading, cold code), which must not eat the deadline of a first call.
   */
  private void warmUp() {
    try {
      SignedJWT jwt = SignedJWT.parse(mint(CallerToken.builder().audience("warm-up")));
      jwt.verify(new ECDSAVerifier(keys.signingKey().toECPublicKey()));
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cannot sign and verify a caller token with this key", e);
    }
  }

  public CallerTokens(TrustKeys keys) {
    this(keys, Clock.systemUTC(), DEFAULT_TTL);
  }

  public String principal() {
    return keys.principal();
  }

  public TrustKeys keys() {
    return keys;
  }

  /**
   * A token signed by this principal, valid from now for the configured life; the
   * builder's principal, issue and expiry times are set here.
   */
  public String mint(CallerToken.Builder token) {
    Instant now = clock.instant();
    CallerToken claims = token.principal(keys.principal()).issuedAt(now).expiresAt(now.plus(ttl)).build();
    if (claims.audience() == null || claims.audience().isBlank()) {
      throw new IllegalArgumentException("a caller token needs an audience (the gRPC service called)");
    }
    var set = new JWTClaimsSet.Builder()
        .issuer(claims.principal())
        .audience(claims.audience())
        .issueTime(Date.from(claims.issuedAt()))
        .expirationTime(Date.from(claims.expiresAt()));
    claims.tenant().ifPresent(tenant -> set.claim("tenant", tenant));
    claims.role().ifPresent(role -> set.claim("role", role));
    if (!claims.scopes().isEmpty()) {
      set.claim("scope", String.join(" ", claims.scopes()));
    }
    claims.requestId().ifPresent(id -> set.claim("rid", id));
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.signingKey().getKeyID())
        .type(JOSE_TYPE).build(), set.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a caller token", e);
    }
    return jwt.serialize();
  }

  /**
   * {@link #mint} as the value of the {@link #AUTHORIZATION} entry. A token without a
   * request id is reused for a third of its life by calls with the same claims (tenant,
   * role, scopes, audience): an ECDSA signature costs about a millisecond of CPU, too much
   * for every backend call (the request id travels as {@code x-request-id} metadata).
   */
  public String bearer(CallerToken.Builder token) {
    CallerToken claims = token.build();
    if (claims.requestId().isPresent()) {
      return BEARER + mint(token);
    }
    String key = claims.audience() + "|" + claims.tenant().orElse("") + "|" + claims.role().orElse("") + "|"
        + String.join(" ", claims.scopes());
    Instant now = clock.instant();
    Minted cached = minted.get(key);
    if (cached == null || !now.isBefore(cached.reuseUntil())) {
      cached = new Minted(mint(token), now.plus(ttl.dividedBy(3)));
      if (minted.size() >= CACHE_SIZE) {
        minted.clear();
      }
      minted.put(key, cached);
    }
    return BEARER + cached.token();
  }

  /**
   * The claims of a token from the {@link #AUTHORIZATION} entry ({@code Bearer <token>}),
   * checked: signed with ES256 by a trusted key that belongs to its issuer, meant for
   * {@code audience}, within its life.
   *
   * @throws InvalidCallerTokenException saying what is wrong
   */
  public CallerToken verifyBearer(String authorization, String audience) throws InvalidCallerTokenException {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new InvalidCallerTokenException("the 'authorization' entry must be 'Bearer <caller token>'");
    }
    return verify(authorization.substring(BEARER.length()).strip(), audience);
  }

  /** @see #verifyBearer */
  public CallerToken verify(String token, String audience) throws InvalidCallerTokenException {
    String key = audience + " " + token;
    CallerToken known = verified.get(key);
    if (known != null) {
      // the same bytes were verified before: only time can have made them invalid
      if (!known.expiresAt().isAfter(clock.instant().minus(LEEWAY))) {
        verified.remove(key);
        throw new InvalidCallerTokenException("the caller token has expired");
      }
      return known;
    }
    CallerToken checked = check(token, audience);
    if (verified.size() >= CACHE_SIZE) {
      verified.clear();
    }
    verified.put(key, checked);
    return checked;
  }

  private CallerToken check(String token, String audience) throws InvalidCallerTokenException {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidCallerTokenException("the caller token is not a signed JWT");
    }
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new InvalidCallerTokenException("the caller token must be signed with ES256");
    }
    if (!JOSE_TYPE.equals(header.getType())) {
      throw new InvalidCallerTokenException("the token is not a caller token (typ " + TYPE + ")");
    }
    TrustKeys.TrustedKey key = keys.trusted(header.getKeyID())
        .orElseThrow(() -> new InvalidCallerTokenException("the caller token is signed by an unknown key"));
    try {
      if (!jwt.verify(new ECDSAVerifier(key.key()))) {
        throw new InvalidCallerTokenException("the caller token's signature is not valid");
      }
    } catch (JOSEException e) {
      throw new InvalidCallerTokenException("the caller token's signature cannot be checked", e);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidCallerTokenException("the caller token's claims are not readable");
    }
    if (!key.principal().equals(claims.getIssuer())) {
      throw new InvalidCallerTokenException("the caller token's issuer does not own its key");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || audiences.size() != 1 || !audiences.get(0).equals(audience)) {
      throw new InvalidCallerTokenException("the caller token is not meant for " + audience);
    }
    Instant now = clock.instant();
    Date issued = claims.getIssueTime();
    Date expires = claims.getExpirationTime();
    if (issued == null || expires == null) {
      throw new InvalidCallerTokenException("the caller token needs 'iat' and 'exp'");
    }
    if (!expires.toInstant().isAfter(now.minus(LEEWAY))) {
      throw new InvalidCallerTokenException("the caller token has expired");
    }
    if (issued.toInstant().isAfter(now.plus(LEEWAY))
        || Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_TTL) > 0) {
      throw new InvalidCallerTokenException("the caller token's life is not acceptable");
    }
    try {
      String scope = claims.getStringClaim("scope");
      return CallerToken.builder()
          .principal(claims.getIssuer())
          .audience(audience)
          .tenant(claims.getStringClaim("tenant"))
          .role(claims.getStringClaim("role"))
          .scopes(scope == null || scope.isBlank() ? List.of() : List.of(scope.strip().split(" +")))
          .requestId(claims.getStringClaim("rid"))
          .issuedAt(issued.toInstant())
          .expiresAt(expires.toInstant())
          .build();
    } catch (ParseException e) {
      throw new InvalidCallerTokenException("the caller token's claims are not strings");
    }
  }
}
