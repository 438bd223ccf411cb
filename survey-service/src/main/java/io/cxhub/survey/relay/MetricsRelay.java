package io.cxhub.survey.relay;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.Worker;
import io.cxhub.survey.response.ResponseAccepted;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.SurveyResponses;
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
 * Delivers pending responses (the outbox kept inside each response document) to
 * metrics-service, one tenant and at most one batch of {@link RelaySettings#batchSize()} at
 * a time, and marks delivered exactly the ids metrics-service acknowledged.
 *
 * <p>Why nothing is lost or counted twice: a response is stored PENDING in the same write
 * that accepts it. It stays PENDING until metrics-service has acknowledged it, so a crash
 * anywhere before the mark only means it is sent again; metrics-service applies each
 * response id at most once and acknowledges ids it had already applied, so the resend is
 * harmless. Only acknowledged ids are marked, so nothing unacknowledged is dropped.
 *
 * <p>Threading: one daemon thread runs every tick, so ticks never overlap and the cycle
 * state needs no locking. {@link #accepted(String)} (called on the respondent's request)
 * only records the tenant and queues a tick; it never blocks.
 *
 * <p>When metrics-service is unreachable (or the circuit breaker is open) the relay pauses
 * with exponential backoff and leaves everything pending. When it refuses a batch, those
 * responses are deferred individually (attempt count and next attempt time in the
 * document), so one bad batch cannot hold up the responses behind it.
 */
public final class MetricsRelay implements ResponseAccepted, Worker {

  private static final Logger log = LoggerFactory.getLogger(MetricsRelay.class);
  /** Batches per tenant per tick, so one busy tenant cannot starve the others. */
  private static final int MAX_BATCHES_PER_TENANT = 10;

  private final SurveyResponses responses;
  private final MetricsFeed feed;
  private final Clock clock;
  private final RelaySettings settings;

  private final Set<String> dirtyTenants = ConcurrentHashMap.newKeySet();
  private final PeriodicWorker worker;

  // touched only by the relay thread
  private Instant nextFullPoll = Instant.MIN;
  private Instant pausedUntil;
  private int consecutiveFailures;

  public MetricsRelay(SurveyResponses responses, MetricsFeed feed, Clock clock, RelaySettings settings) {
    this.responses = responses;
    this.feed = feed;
    this.clock = clock;
    this.settings = settings;
    this.worker = new PeriodicWorker("metrics-relay", settings.pollInterval(), this::tick);
  }

  @Override
  public void start() {
    worker.start();
    log.info("metrics relay started poll={}ms batch={}", settings.pollInterval().toMillis(), settings.batchSize());
  }

  /** Stops ticking and waits for the batch in flight (bounded by the client's deadline). */
  @Override
  public void stop() {
    if (worker.isRunning()) {
      worker.stop();
      log.info("metrics relay stopped");
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

  private void tick() {
    if (!worker.isRunning()) {
      return;
    }
    try {
      cycle();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: everything stays pending, try again later
      pause(clock.instant());
      log.warn("metrics relay cycle failed; pausing {}ms", settings.backoff(consecutiveFailures).toMillis(), e);
    }
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
    if (!now.isBefore(nextFullPoll)) {
      tenants.addAll(responses.tenantsWithResponses());
      nextFullPoll = now.plus(settings.idleRecheck());
    }
    List<String> order = new ArrayList<>(tenants);
    for (int i = 0; i < order.size(); i++) {
      String tenant = order.get(i);
      if (!worker.isRunning()) {
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
      }
    }
  }

  private enum Drain { DONE, MORE, PAUSED }

  private Drain drain(String tenant) {
    for (int round = 0; round < MAX_BATCHES_PER_TENANT; round++) {
      if (!worker.isRunning()) {
        return Drain.MORE;
      }
      Instant now = clock.instant();
      List<SurveyResponse> batch = responses.findPending(tenant, now, settings.batchSize());
      if (batch.isEmpty()) {
        return Drain.DONE;
      }
      Set<String> acknowledged;
      try {
        acknowledged = feed.deliver(tenant, batch);
      } catch (DependencyUnavailableException e) {
        pause(now);
        log.warn("metrics-service unavailable tenant={} pending-batch={} pausing={}ms: {}",
            tenant, batch.size(), settings.backoff(consecutiveFailures).toMillis(), e.getMessage());
        return Drain.PAUSED;
      } catch (DeliveryRejectedException e) {
        defer(tenant, batch, now);
        log.warn("metrics-service rejected a batch tenant={} size={}: {}", tenant, batch.size(), e.getMessage());
        continue;
      }
      if (consecutiveFailures > 0) {
        log.info("metrics-service reachable again after {} failed attempts", consecutiveFailures);
      }
      consecutiveFailures = 0;
      pausedUntil = null;

      var delivered = new HashSet<String>();
      var unacknowledged = new ArrayList<SurveyResponse>();
      for (SurveyResponse r : batch) {
        if (acknowledged.contains(r.responseId())) {
          delivered.add(r.responseId());
        } else {
          unacknowledged.add(r);
        }
      }
      if (!delivered.isEmpty()) {
        responses.markDelivered(tenant, delivered, clock.instant());
      }
      if (!unacknowledged.isEmpty()) {
        defer(tenant, unacknowledged, now);
        log.warn("metrics-service did not acknowledge {} of {} responses tenant={}",
            unacknowledged.size(), batch.size(), tenant);
      }
      log.debug("relayed tenant={} delivered={}", tenant, delivered.size());
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

  private void defer(String tenant, List<SurveyResponse> batch, Instant now) {
    int attempts = batch.stream().mapToInt(r -> r.outbox().attempts()).max().orElse(0) + 1;
    Instant next = now.plus(settings.backoff(attempts));
    responses.deferPending(tenant, batch.stream().map(SurveyResponse::responseId).toList(), next);
    if (next.isBefore(nextFullPoll)) {
      nextFullPoll = next;
    }
  }
}
