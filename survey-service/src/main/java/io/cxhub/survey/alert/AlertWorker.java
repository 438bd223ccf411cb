package io.cxhub.survey.alert;

import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules on accepted responses in the background, so a submission never
 * waits for them. It works the alerting outbox ({@link PendingAlerts}): a response is
 * marked done only after its rules ran, so a crash means it is evaluated again, which
 * {@link EvaluateRules} makes harmless. A response whose evaluation fails stays pending
 * and is retried at the next tick without holding up the others; after
 * {@link #MAX_FAILURES} failures in a row in this process it is marked FAILED (with the
 * reason) so that one bad response cannot make the worker fail and log every second forever.
 */
public final class AlertWorker implements Worker {

  private static final Logger log = LoggerFactory.getLogger(AlertWorker.class);
  static final int MAX_FAILURES = 5;

  /** Evaluates the rules on one response (EvaluateRules#evaluate). */
  @FunctionalInterface
  public interface Evaluator {
    void evaluate(AlertSubject subject);
  }

  private final PendingAlerts pending;
  private final Evaluator evaluate;
  // touched only by the worker thread (or a test calling runOnce)
  private final Map<String, Integer> failures = new HashMap<>();
  private final int batchSize;

  private final PeriodicWorker worker;

  public AlertWorker(PendingAlerts pending, Evaluator evaluate, Duration pollInterval, int batchSize) {
    this.pending = pending;
    this.evaluate = evaluate;
    this.batchSize = batchSize;
    this.worker = new PeriodicWorker("alert-worker", pollInterval, this::runOnce);
  }

  @Override
  public void start() {
    worker.start();
  }

  @Override
  public void stop() {
    worker.stop();
  }

  @Override
  public boolean isRunning() {
    return worker.isRunning();
  }

  /** Evaluates what is pending now; returns the number of responses evaluated. */
  public int runOnce() {
    int done = 0;
    for (String tenant : pending.tenants()) {
      for (AlertSubject subject : pending.findPending(tenant, batchSize)) {
        if (worker.isStopping()) {
          return done;
        }
        try {
          evaluate.evaluate(subject);
          pending.markDone(tenant, subject.responseId());
          failures.remove(tenant + ":" + subject.responseId());
          done++;
        } catch (RuntimeException e) {
          int failed = failures.merge(tenant + ":" + subject.responseId(), 1, Integer::sum);
          if (failed >= MAX_FAILURES) {
            failures.remove(tenant + ":" + subject.responseId());
            pending.markFailed(tenant, subject.responseId(), String.valueOf(e));
            log.error("alert evaluation gave up tenant={} response={} after {} failures",
                tenant, subject.responseId(), failed, e);
          } else {
            log.warn("alert evaluation failed tenant={} response={} failures={}; it stays pending",
                tenant, subject.responseId(), failed, e);
          }
        }
      }
    }
    return done;
  }
}
