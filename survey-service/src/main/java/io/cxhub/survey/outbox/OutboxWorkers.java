package io.cxhub.survey.outbox;

import io.cxhub.kit.work.Worker;
import io.cxhub.survey.response.ResponseAccepted;
import java.time.Clock;
import java.util.List;

/**
 * One {@link OutboxWorker} per enabled {@link OutboxSubscription}, started and stopped
 * together; an accepted response nudges each of them (never blocking the submission).
 */
public final class OutboxWorkers implements ResponseAccepted, Worker {

  private final List<OutboxWorker> workers;

  public OutboxWorkers(ResponseOutbox outbox, List<OutboxSubscription> subscriptions, Clock clock) {
    this.workers = subscriptions.stream()
        .filter(OutboxSubscription::enabled)
        .map(s -> new OutboxWorker(outbox, s.subscriber(), clock, s.settings()))
        .toList();
  }

  public List<OutboxWorker> workers() {
    return workers;
  }

  @Override
  public void accepted(String tenantId) {
    workers.forEach(w -> w.accepted(tenantId));
  }

  @Override
  public void start() {
    workers.forEach(OutboxWorker::start);
  }

  @Override
  public void stop() {
    workers.forEach(OutboxWorker::stop);
  }

  @Override
  public boolean isRunning() {
    return workers.stream().anyMatch(OutboxWorker::isRunning);
  }
}
