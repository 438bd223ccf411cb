package io.cxhub.metrics.alert;

import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates due metric alert rules in the background: every {@code pollInterval} it looks at
 * each tenant with rules and evaluates the enabled ones whose next evaluation time has come.
 * A rule whose evaluation fails (e.g. the database is unreachable) stays due and is tried at
 * the next tick without holding up the others.
 *
 * <p>Reading the rules lists a tenant's rules by tenant id: the rules collection is small
 * (at most {@value ManageMetricAlertRules#MAX_RULES} rules per tenant), so on the embedded
 * server, which ignores non-{@code _id} indexes, that scan stays cheap.
 */
public final class MetricAlertWorker implements Worker {

  private static final Logger log = LoggerFactory.getLogger(MetricAlertWorker.class);

  private final MetricAlertRules rules;
  private final EvaluateMetricAlerts evaluate;
  private final Clock clock;
  private final PeriodicWorker worker;

  public MetricAlertWorker(MetricAlertRules rules, EvaluateMetricAlerts evaluate, Clock clock, Duration pollInterval) {
    this.rules = rules;
    this.evaluate = evaluate;
    this.clock = clock;
    this.worker = new PeriodicWorker("metric-alerts", pollInterval, this::runOnce);
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

  /** Evaluates the rules due now; returns how many were evaluated. */
  public int runOnce() {
    int evaluated = 0;
    for (String tenant : rules.tenants()) {
      var now = clock.instant();
      for (var rule : rules.list(tenant, null, ManageMetricAlertRules.MAX_RULES)) {
        if (worker.isStopping()) {
          return evaluated;
        }
        if (!EvaluateMetricAlerts.isDue(rule, now)) {
          continue;
        }
        try {
          evaluate.evaluate(rule);
          evaluated++;
        } catch (RuntimeException e) {
          log.warn("metric alert rule evaluation failed tenant={} rule={}; it stays due", tenant, rule.ruleId(), e);
        }
      }
    }
    return evaluated;
  }
}
