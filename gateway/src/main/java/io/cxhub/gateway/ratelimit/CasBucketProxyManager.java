package io.cxhub.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Bucket4j's compare-and-swap integration over {@link BucketStates}: Bucket4j reads a
 * bucket's bytes, applies the command in memory and writes the result back only if nobody
 * wrote in between, retrying otherwise. Bucket4j ships no MongoDB integration; this is
 * the extension point its documentation names for one. Each operation remembers the
 * version it read, so the store compares a version, not the bytes.
 */
final class CasBucketProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

  private final BucketStates states;
  private final Executor blocking;
  private final Clock clock;
  private final ExpirationAfterWriteStrategy expiration;

  /**
   * @param blocking where store calls run (never the event loop)
   * @param keepAfterFull how long a bucket is kept once it would be full again
   */
  CasBucketProxyManager(BucketStates states, Executor blocking, Clock clock, Duration keepAfterFull) {
    super(ClientSideConfig.getDefault().withClientClock(new ClockTimeMeter(clock)));
    this.states = states;
    this.blocking = blocking;
    this.clock = clock;
    this.expiration = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull);
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    var operation = new Operation(key);
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        return operation.read();
      }

      @Override
      public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        return operation.write(originalData, newData, newState);
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    var operation = new Operation(key);
    return new AsyncCompareAndSwapOperation() {
      @Override
      public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
        return CompletableFuture.supplyAsync(operation::read, blocking);
      }

      @Override
      public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData,
          RemoteBucketState newState, Optional<Long> timeoutNanos) {
        return CompletableFuture.supplyAsync(() -> operation.write(originalData, newData, newState), blocking);
      }
    };
  }

  /** One read-modify-write of a key: the version read is the one the write compares. */
  private final class Operation {
    private final String key;
    private long version;

    Operation(String key) {
      this.key = key;
    }

    Optional<byte[]> read() {
      var stored = states.read(key);
      version = stored.map(BucketStates.Versioned::version).orElse(0L);
      return stored.map(BucketStates.Versioned::state);
    }

    boolean write(byte[] originalData, byte[] newData, RemoteBucketState newState) {
      long ttlMillis = expiration.calculateTimeToLiveMillis(newState, clock.millis() * 1_000_000L);
      Instant expiresAt = clock.instant().plusMillis(Math.max(ttlMillis, 1));
      return originalData == null ? states.insert(key, newData, expiresAt)
          : states.replace(key, version, newData, expiresAt);
    }
  }

  @Override
  public void removeProxy(String key) {
    throw new UnsupportedOperationException("buckets expire; they are not removed one by one");
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("buckets expire"));
  }

  @Override
  public boolean isAsyncModeSupported() {
    return true;
  }

  @Override
  public boolean isExpireAfterWriteSupported() {
    return true;
  }
}
