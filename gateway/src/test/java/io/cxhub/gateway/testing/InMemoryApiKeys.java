package io.cxhub.gateway.testing;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ApiKeys} in a map, counting lookups by hash. */
public final class InMemoryApiKeys implements ApiKeys {

  private final Map<String, ApiKey> byHash = new LinkedHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();

  @Override
  public synchronized void insert(ApiKey key) {
    if (byHash.containsKey(key.hash()) || find(key.tenantId(), key.keyId()).isPresent()) {
      throw new DuplicateApiKeyException("duplicate");
    }
    byHash.put(key.hash(), key);
  }

  @Override
  public synchronized boolean insertIfAbsent(ApiKey key) {
    return byHash.putIfAbsent(key.hash(), key) == null;
  }

  @Override
  public synchronized Optional<ApiKey> findByHash(String hash) {
    lookups.incrementAndGet();
    return Optional.ofNullable(byHash.get(hash));
  }

  @Override
  public synchronized Optional<ApiKey> find(String tenantId, String keyId) {
    return byHash.values().stream()
        .filter(k -> k.tenantId().equals(tenantId) && k.keyId().equals(keyId))
        .findFirst();
  }

  @Override
  public synchronized List<ApiKey> list(String tenantId) {
    return byHash.values().stream()
        .filter(k -> k.tenantId().equals(tenantId))
        .sorted(Comparator.comparing(ApiKey::createTime).thenComparing(ApiKey::keyId))
        .toList();
  }

  @Override
  public synchronized Optional<ApiKey> revoke(String tenantId, String keyId, Instant time) {
    return find(tenantId, keyId).map(key -> {
      if (key.revoked()) {
        return key;
      }
      ApiKey revoked = key.revokedAt(time);
      byHash.put(key.hash(), revoked);
      return revoked;
    });
  }

  public int lookups() {
    return lookups.get();
  }

  public synchronized List<ApiKey> all() {
    return List.copyOf(byHash.values());
  }
}
