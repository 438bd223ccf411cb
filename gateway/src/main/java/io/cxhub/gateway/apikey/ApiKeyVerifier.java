package io.cxhub.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Tells who holds a presented API key secret. Results (including "no such key") are cached
 * for a short time, so that most requests cost no database read; a revocation through this
 * gateway takes effect at once, one through another instance within the cache's time to
 * live. Database reads run on a scheduler meant for blocking work, never on the event loop.
 */
public final class ApiKeyVerifier implements KeyRevocationListener {

  private final ApiKeys keys;
  private final Cache<String, Optional<Caller>> cache;
  private final Scheduler blocking;

  /**
   * @param ticker the cache's time source (tests pass a fake one)
   * @param blocking where database reads run, e.g. {@code Schedulers.boundedElastic()}
   */
  public ApiKeyVerifier(ApiKeys keys, Duration ttl, long maximumSize, Ticker ticker, Scheduler blocking) {
    this.keys = keys;
    this.blocking = blocking;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(maximumSize)
        .ticker(ticker)
        .build();
  }

  /** The caller the secret belongs to; empty if the key is unknown or revoked. */
  public Mono<Optional<Caller>> verify(String secret) {
    String hash = ApiKeySecrets.hash(secret);
    Optional<Caller> cached = cache.getIfPresent(hash);
    if (cached != null) {
      return Mono.just(cached);
    }
    return Mono.fromCallable(() -> cache.get(hash, this::load)).subscribeOn(blocking);
  }

  private Optional<Caller> load(String hash) {
    return keys.findByHash(hash).filter(key -> !key.revoked()).map(Caller::of);
  }

  @Override
  public void revoked(String hash) {
    cache.invalidate(hash);
  }
}
