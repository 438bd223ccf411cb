package io.cxhub.kit.work;

/**
 * A background job with a start and a stop (a relay, a dispatcher, an evaluator). Plain Java,
 * so a domain class can be one; {@link WorkerLifecycle} ties it to the application's.
 */
public interface Worker {

  /** Starts working; a second call while running does nothing. */
  void start();

  /** Stops and waits (bounded) for the work in flight; does nothing if not running. */
  void stop();

  boolean isRunning();
}
