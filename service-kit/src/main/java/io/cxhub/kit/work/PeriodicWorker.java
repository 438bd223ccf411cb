package io.cxhub.kit.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on one daemon thread: every {@code period} (fixed delay), and at once when
 * {@link #nudge() nudged}. Background jobs (relays, dispatchers, sweepers) share it so that
 * starting, nudging and stopping work the same everywhere. Ticks never overlap, since
 * there is one thread; {@link #stop()} lets the tick in flight finish (up to 15 s). A tick
 * that throws is logged and the next one runs as planned (a scheduled executor would
 * otherwise cancel the schedule silently), so tasks need no catch-all of their own.
 */
public final class PeriodicWorker implements Worker {

  private static final Logger log = LoggerFactory.getLogger(PeriodicWorker.class);

  private final String name;
  private final Duration period;
  private final Duration initialDelay;
  private final Runnable tick;
  private final AtomicBoolean nudgeQueued = new AtomicBoolean();
  private volatile boolean running;
  private volatile ScheduledExecutorService executor;

  /** @param name the thread's name, e.g. "metrics-relay"; the first tick runs at once */
  public PeriodicWorker(String name, Duration period, Runnable tick) {
    this(name, period, Duration.ZERO, tick);
  }

  /**
   * @param initialDelay how long after {@link #start()} the first tick runs: jobs that call
   *     other services leave them time to start (in the one-jar run, and in a cluster
   *     starting all at once), instead of failing and opening their circuit breakers
   */
  public PeriodicWorker(String name, Duration period, Duration initialDelay, Runnable tick) {
    this.name = name;
    this.period = period;
    this.initialDelay = initialDelay;
    this.tick = () -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        log.warn("{} tick failed; the next one runs in at most {}", name, period, e);
      }
    };
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      var thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    executor.scheduleWithFixedDelay(tick, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    log.info("{} started, every {} ms, first in {} ms", name, period.toMillis(), initialDelay.toMillis());
  }

  /** Stops ticking and waits (up to 15 s) for the tick in flight. */
  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("{} stopped", name);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * True once a started worker has been asked to stop: a long tick checks it to give up
   * early. False for a worker that was never started (its task may be run directly).
   */
  public boolean isStopping() {
    return executor != null && !running;
  }

  /** Asks for a tick soon; never blocks, and coalesces nudges that arrive meanwhile. */
  public void nudge() {
    if (running && nudgeQueued.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          nudgeQueued.set(false);
          tick.run();
        });
      } catch (RejectedExecutionException e) {
        nudgeQueued.set(false); // stopping: the next start picks the work up
      }
    }
  }
}
