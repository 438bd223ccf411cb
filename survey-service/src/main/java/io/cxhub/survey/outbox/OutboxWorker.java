package io.cxhub.survey.outbox;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import io.cxhub.survey.response.ResponseAccepted;
import io.cxhub.survey.response.SurveyResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link OutboxSubscriber}: hands it the responses pending for it, one tenant and
 * at most one batch of {@link OutboxSettings#batchSize()} at a time, and marks handled
 * exactly the ids it returned.
 *
 * <p>Why nothing is lost: a response is stored pending for the subscriber in the write that
 * accepts it and stays pending until the subscriber has handled it, so a crash anywhere
 * before the mark only means it is handed over again (subscribers are idempotent per
 * response id).
 *
 * <p>Back-pressure: the next batch is read only once the previous one has been handled and
 * marked, at most {@link #MAX_BATCHES_PER_TENANT} per tenant per tick so one busy tenant
 * cannot starve the others; when the subscriber's dependency is unavailable the worker
 * pauses with exponential backoff and leaves everything pending. Responses it did not
 * handle are deferred individually (attempts and next attempt in the document), so one
 * bad response cannot hold up the others, and set aside as FAILED after
 * {@link OutboxSettings#maxAttempts()} attempts when that is bounded.
 *
 * <p>Cost at rest: a tick visits only the tenants nudged since the last tick and those the
 * maintained pending counters name; every {@link OutboxSettings#idleRecheck()} it also
 * visits every tenant (one index probe each), for responses written by another instance.
 *
 * <p>Threading: one daemon thread runs every tick, so ticks never overlap and the cycle
 * state needs no locking. {@link #accepted(String)} (called on the respondent's request)
 * only records the tenant and queues a tick; it never blocks.
 */
public final class OutboxWorker implements ResponseAccepted, Worker {

  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  /** Batches per tenant per tick, so one busy tenant cannot starve the others. */
  static final int MAX_BATCHES_PER_TENANT = 10;

  private final ResponseOutbox outbox;
  private final OutboxSubscriber subscriber;
  private final Clock clock;
  private final OutboxSettings settings;
  private final String name;

  private final Set<String> dirtyTenants = ConcurrentHashMap.newKeySet();
  private final PeriodicWorker worker;

  // touched only by the worker thread
  private Instant nextFullPoll = Instant.MIN;
  private Instant pausedUntil;
  private int consecutiveFailures;

  public OutboxWorker(ResponseOutbox outbox, OutboxSubscriber subscriber, Clock clock, OutboxSettings settings) {
    this.outbox = outbox;
    this.subscriber = subscriber;
    this.name = subscriber.name();
    this.clock = clock;
    this.settings = settings;
    this.worker = new PeriodicWorker("outbox-" + name, settings.pollInterval(), this::tick);
  }

  public String subscriberName() {
    return name;
  }

  @Override
  public void start() {
    worker.start();
    log.info("outbox subscriber {} started poll={}ms batch={}", name, settings.pollInterval().toMillis(),
        settings.batchSize());
  }

  /** Stops ticking and waits for the batch in flight. */
  @Override
  public void stop() {
    if (worker.isRunning()) {
      worker.stop();
      log.info("outbox subscriber {} stopped", name);
    }
  }

  @Override
  public boolean isRunning() {
    return worker.isRunning();
  }

  @Override
  public void accepted(String tenantId) {
    dirtyTenants.add(tenantId);
    worker.nudge(); // while stopping, the response stays pending for the next start
  }

  /** Runs one cycle on the caller's thread (tests). */
  public void runOnce() {
    cycle();
  }

  private void tick() {
    if (!worker.isRunning()) {
      return;
    }
    try {
      cycle();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: everything stays pending, try again later
      pause(clock.instant());
      log.warn("outbox subscriber {} cycle failed; pausing {}ms", name,
          settings.backoff(consecutiveFailures).toMillis(), e);
    }
  }

  private boolean stopping() {
    return worker.isStopping();
  }

  private void cycle() {
    Instant now = clock.instant();
    if (pausedUntil != null && now.isBefore(pausedUntil)) {
      return;
    }
    Set<String> tenants = new LinkedHashSet<>();
    for (String tenant : dirtyTenants) {
      dirtyTenants.remove(tenant);
      tenants.add(tenant);
    }
    tenants.addAll(outbox.tenantsPending(name));
    if (!now.isBefore(nextFullPoll)) {
      tenants.addAll(outbox.tenants());
      nextFullPoll = now.plus(settings.idleRecheck());
    }
    List<String> order = new ArrayList<>(tenants);
    for (int i = 0; i < order.size(); i++) {
      String tenant = order.get(i);
      if (stopping()) {
        dirtyTenants.addAll(order.subList(i, order.size()));
        return;
      }
      Drain result;
      try {
        result = drain(tenant);
      } catch (RuntimeException e) {
        dirtyTenants.addAll(order.subList(i, order.size()));
        throw e;
      }
      if (result == Drain.PAUSED) {
        dirtyTenants.addAll(order.subList(i, order.size()));
        return;
      }
      if (result == Drain.MORE) {
        dirtyTenants.add(tenant);
        worker.nudge();
      }
    }
  }

  private enum Drain { DONE, MORE, PAUSED }

  private Drain drain(String tenant) {
    for (int round = 0; round < MAX_BATCHES_PER_TENANT; round++) {
      if (stopping()) {
        return Drain.MORE;
      }
      Instant now = clock.instant();
      List<SurveyResponse> batch = outbox.due(name, tenant, now, settings.batchSize());
      if (batch.isEmpty()) {
        return Drain.DONE;
      }
      Set<String> handled;
      try {
        handled = subscriber.handle(tenant, batch);
      } catch (DependencyUnavailableException e) {
        pause(now);
        log.warn("outbox subscriber {} unavailable tenant={} pending-batch={} pausing={}ms: {}",
            name, tenant, batch.size(), settings.backoff(consecutiveFailures).toMillis(), e.getMessage());
        return Drain.PAUSED;
      } catch (RuntimeException e) {
        log.warn("outbox subscriber {} failed a batch tenant={} size={}", name, tenant, batch.size(), e);
        handled = Set.of();
      }
      if (consecutiveFailures > 0) {
        log.info("outbox subscriber {} reachable again after {} failed attempts", name, consecutiveFailures);
      }
      consecutiveFailures = 0;
      pausedUntil = null;

      var delivered = new HashSet<String>();
      var unhandled = new ArrayList<SurveyResponse>();
      for (SurveyResponse r : batch) {
        if (handled.contains(r.responseId())) {
          delivered.add(r.responseId());
        } else {
          unhandled.add(r);
        }
      }
      if (!delivered.isEmpty()) {
        outbox.delivered(name, tenant, delivered, clock.instant());
      }
      if (!unhandled.isEmpty()) {
        defer(tenant, unhandled, now);
        log.warn("outbox subscriber {} did not handle {} of {} responses tenant={}",
            name, unhandled.size(), batch.size(), tenant);
      }
      log.debug("outbox subscriber {} tenant={} handled={}", name, tenant, delivered.size());
      if (batch.size() < settings.batchSize()) {
        return Drain.DONE;
      }
    }
    return Drain.MORE;
  }

  private void pause(Instant now) {
    consecutiveFailures++;
    pausedUntil = now.plus(settings.backoff(consecutiveFailures));
  }

  private void defer(String tenant, List<SurveyResponse> unhandled, Instant now) {
    var retry = new ArrayList<String>();
    int attempts = 0;
    for (SurveyResponse r : unhandled) {
      int made = r.outbox().of(name).attempts() + 1;
      if (settings.maxAttempts() > 0 && made >= settings.maxAttempts()) {
        outbox.failed(name, tenant, r.responseId(), subscriber.unhandledReason(r.responseId()), now);
        log.error("outbox subscriber {} gave up tenant={} response={} after {} attempts",
            name, tenant, r.responseId(), made);
      } else {
        retry.add(r.responseId());
        attempts = Math.max(attempts, made);
      }
    }
    if (retry.isEmpty()) {
      return;
    }
    Instant next = now.plus(settings.backoff(attempts));
    outbox.defer(name, tenant, retry, next);
    if (next.isBefore(nextFullPoll)) {
      nextFullPoll = next;
    }
  }
}
