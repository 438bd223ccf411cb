package io.cxhub.gateway.testing;

import io.cxhub.gateway.ratelimit.BucketStates;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BucketStates} in a map, with the same compare-and-set rules, counting writes. */
public final class InMemoryBucketStates implements BucketStates {

  private record Stored(byte[] state, long version, Instant expiresAt) {}

  private final Map<String, Stored> states = new ConcurrentHashMap<>();
  private final AtomicInteger writes = new AtomicInteger();

  @Override
  public Optional<Versioned> read(String key) {
    return Optional.ofNullable(states.get(key)).map(s -> new Versioned(s.state(), s.version()));
  }

  @Override
  public boolean insert(String key, byte[] state, Instant expiresAt) {
    writes.incrementAndGet();
    return states.putIfAbsent(key, new Stored(state, 1, expiresAt)) == null;
  }

  @Override
  public boolean replace(String key, long version, byte[] state, Instant expiresAt) {
    writes.incrementAndGet();
    var done = new boolean[1];
    states.computeIfPresent(key, (k, current) -> {
      if (current.version() != version) {
        return current;
      }
      done[0] = true;
      return new Stored(state, version + 1, expiresAt);
    });
    return done[0];
  }

  @Override
  public long deleteExpired(Instant now) {
    int before = states.size();
    states.values().removeIf(s -> s.expiresAt().isBefore(now));
    return before - states.size();
  }

  public int writes() {
    return writes.get();
  }

  public int size() {
    return states.size();
  }
}
