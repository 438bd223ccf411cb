package io.cxhub.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, prefix {@code cx.gateway}.
 *
 * @param backends gRPC address ({@code host:port} or a gRPC target URI) of each backend, by
 *     name: the RPCs of proto package {@code cx.<name>.v1} go to backend {@code <name>}.
 *     {@code admin} is served inside the gateway and needs no entry.
 * @param deadline deadline of every unary backend call
 * @param bootstrapApiKey the platform operator's API key (also admin of tenant {@code default})
 *     to install at start; when
 *     empty, the gateway generates one on its first start and prints it once
 * @param maxRequestBody largest accepted request body; larger ones get 413
 * @param apiKeyCache how long verified API keys are remembered
 * @param circuitBreaker the circuit breaker in front of each backend
 * @param trustForwardedFor whether the client address passed to backends (for their
 *     per-address limits) is the first {@code X-Forwarded-For} entry; only when a trusted
 *     proxy in front of the gateway sets that header, since clients can forge it
 * @param rateLimit the request rate limits (per API key, per client address on public routes)
 */
@ConfigurationProperties("cx.gateway")
public record GatewayProperties(
    Map<String, String> backends,
    @DefaultValue("10s") Duration deadline,
    String bootstrapApiKey,
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue ApiKeyCache apiKeyCache,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue("false") boolean trustForwardedFor,
    @DefaultValue Sse sse,
    @DefaultValue RateLimit rateLimit) {

  /**
   * Token buckets refilled continuously (see {@code RateLimiter}).
   *
   * @param perKey requests per {@code perKeyPeriod} for one API key
   * @param publicPerAddress requests per {@code publicPeriod} to one public route and
   *     resource (token) from one client address
   * @param publicPerResource requests per {@code publicPeriod} to one public route and
   *     resource from all client addresses together
   * @param publicPerAddressAllRoutes requests per {@code publicPeriod} to every public route
   *     and resource together from one client address
   * @param syncInterval longest time a gateway replica serves a bucket from its local copy
   * @param unsynchronizedShare share of a bucket a replica may consume before writing it
   * @param cachedBuckets buckets a replica keeps in memory
   */
  public record RateLimit(
      @DefaultValue("1200") long perKey,
      @DefaultValue("1m") Duration perKeyPeriod,
      @DefaultValue("60") long publicPerAddress,
      @DefaultValue("1m") Duration publicPeriod,
      @DefaultValue("600") long publicPerResource,
      @DefaultValue("120") long publicPerAddressAllRoutes,
      @DefaultValue("1s") Duration syncInterval,
      @DefaultValue("0.1") double unsynchronizedShare,
      @DefaultValue("100000") long cachedBuckets) {

    public RateLimit {
      if (unsynchronizedShare < 0 || unsynchronizedShare >= 1) {
        throw new IllegalArgumentException("cx.gateway.rate-limit.unsynchronized-share must be in [0, 1)");
      }
    }
  }

  /**
   * Server-Sent Events of server-streaming RPCs.
   *
   * @param commitAfter how long to wait for the first message before sending the headers
   *     and a {@code : connected} comment (a call refused sooner still gets its HTTP status)
   * @param heartbeat interval of {@code : heartbeat} comment lines that keep idle
   *     connections (and proxies) open
   */
  public record Sse(@DefaultValue("200ms") Duration commitAfter, @DefaultValue("15s") Duration heartbeat) {}

  public GatewayProperties {
    backends = backends == null ? Map.of() : Map.copyOf(backends);
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("cx.gateway.deadline must be positive, not " + deadline);
    }
  }

  /** The configured bootstrap key, if one is set and not blank. */
  public Optional<String> configuredBootstrapApiKey() {
    return Optional.ofNullable(bootstrapApiKey).map(String::strip).filter(key -> !key.isEmpty());
  }

  /**
   * @param ttl how long a verification result is reused; a key revoked through another
   *     gateway instance keeps working at most this long here
   * @param maximumSize most keys remembered at once
   */
  public record ApiKeyCache(@DefaultValue("30s") Duration ttl, @DefaultValue("10000") long maximumSize) {}

  /**
   * Resilience4j settings shared by the breakers of all backends. Only UNAVAILABLE and
   * DEADLINE_EXCEEDED count as failures: the other statuses are answers from a healthy
   * backend.
   */
  public record CircuitBreaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindowSize,
      @DefaultValue("10") int minimumNumberOfCalls,
      @DefaultValue("10s") Duration waitDurationInOpenState,
      @DefaultValue("3") int permittedCallsInHalfOpenState) {}
}
