package io.cxhub.gateway.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of API keys. Implementations may block (they talk to a database): call them off
 * the event loop.
 */
public interface ApiKeys {

  /**
   * Stores a new key.
   *
   * @throws DuplicateApiKeyException if a key with the same hash, or the same id in the
   *     same tenant, exists
   */
  void insert(ApiKey key);

  /** Stores the key unless one with the same hash exists. @return whether it was stored now */
  boolean insertIfAbsent(ApiKey key);

  /** The key with this secret hash, revoked or not. */
  Optional<ApiKey> findByHash(String hash);

  Optional<ApiKey> find(String tenantId, String keyId);

  /** A tenant's keys, revoked ones included, oldest first. */
  List<ApiKey> list(String tenantId);

  /**
   * Marks a key revoked at {@code time}, unless it already is (the first revocation time is
   * kept). @return the key as stored afterwards; empty if there is no such key
   */
  Optional<ApiKey> revoke(String tenantId, String keyId, Instant time);

  /** Thrown when a key collides with a stored one. */
  final class DuplicateApiKeyException extends RuntimeException {
    public DuplicateApiKeyException(String message) {
      super(message);
    }
  }
}
