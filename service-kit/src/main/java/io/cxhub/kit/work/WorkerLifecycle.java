package io.cxhub.kit.work;

import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link Worker} once the application context is up (when enabled) and stops it on
 * shutdown, before the beans it uses (channels, database clients) are destroyed. One bean
 * per worker: {@code @Bean WorkerLifecycle relayLifecycle(MetricsRelay relay, …) { return new
 * WorkerLifecycle(relay, properties.relay().enabled()); }}.
 */
public final class WorkerLifecycle implements SmartLifecycle {

  private final Worker worker;
  private final boolean enabled;

  /** @param enabled false leaves the worker stopped (a test or a replica that runs it by hand) */
  public WorkerLifecycle(Worker worker, boolean enabled) {
    this.worker = worker;
    this.enabled = enabled;
  }

  @Override
  public void start() {
    if (enabled) {
      worker.start();
    }
  }

  @Override
  public void stop() {
    worker.stop();
  }

  @Override
  public boolean isRunning() {
    return worker.isRunning();
  }
}
