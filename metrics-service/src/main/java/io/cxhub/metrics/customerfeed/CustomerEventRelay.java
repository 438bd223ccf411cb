package io.cxhub.metrics.customerfeed;

import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.CustomerEventFeed;
import io.cxhub.metrics.event.EventType;
import io.cxhub.metrics.rollup.TenantZones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes orders and contacts of known customers into the outbox as they are recorded, and
 * relays the outbox to persona-service: at least once from here (an entry is confirmed only
 * after persona-service answered), at most once there (it applies each event id once), so
 * exactly once overall, whichever service restarts in between.
 */
public final class CustomerEventRelay implements CustomerEventFeed {

  private static final Logger log = LoggerFactory.getLogger(CustomerEventRelay.class);
  static final int BATCH = 500;
  /** The smallest batch after failures: one slow call must not stall the feed for good. */
  static final int MIN_BATCH = 25;

  private final CustomerFeedOutbox outbox;
  private final CustomerEventSink sink;
  private final TenantZones zones;
  /**
   * The current batch size: halved after a failed delivery (a batch too large for the
   * deadline of a loaded persona-service fails the same way each time), doubled back after
   * each successful one. Runs are serial (one worker thread), so plain reads and writes do.
   */
  private volatile int batchSize = BATCH;

  public CustomerEventRelay(CustomerFeedOutbox outbox, CustomerEventSink sink, TenantZones zones) {
    this.outbox = Objects.requireNonNull(outbox);
    this.sink = Objects.requireNonNull(sink);
    this.zones = Objects.requireNonNull(zones);
  }

  @Override
  public void offer(String tenantId, List<BusinessEvent> events) {
    var entries = new ArrayList<FeedEntry>();
    for (var e : events) {
      if (e.customerId().isEmpty()) {
        continue;
      }
      if (e.type() == EventType.ORDER_PLACED && e.amount() != null) {
        entries.add(new FeedEntry(tenantId, e.eventId(), e.customerId(), FeedEntry.Kind.ORDER, e.occurTime(),
            e.amount().units().doubleValue(), e.amount().currency(), "", 0, 0));
      } else if (e.type() == EventType.CONTACT_OPENED) {
        var local = e.occurTime().atZone(zones.zone(tenantId));
        entries.add(new FeedEntry(tenantId, e.eventId(), e.customerId(), FeedEntry.Kind.CONTACT, e.occurTime(), 0,
            "", e.channel().name(), local.getDayOfWeek().getValue(), local.getHour()));
      }
    }
    if (!entries.isEmpty()) {
      outbox.addIfAbsent(entries);
    }
  }

  /**
   * Relays what is pending, a batch per tenant; stops at the first failure (the entries stay
   * pending and the next run resends them, in a batch half as large).
   *
   * @return entries confirmed by this run
   */
  public int relay() {
    int confirmed = 0;
    while (true) {
      int size = batchSize;
      var pending = outbox.pending(size);
      if (pending.isEmpty()) {
        return confirmed;
      }
      var byTenant = new LinkedHashMap<String, List<FeedEntry>>();
      pending.forEach(e -> byTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).add(e));
      for (var batch : byTenant.entrySet()) {
        try {
          sink.deliver(batch.getKey(), batch.getValue());
        } catch (RuntimeException e) {
          batchSize = Math.max(MIN_BATCH, size / 2);
          log.warn("customer events not relayed to persona-service, retrying later tenant={} events={} nextBatch={} cause={}",
              batch.getKey(), batch.getValue().size(), batchSize, e.getMessage());
          return confirmed;
        }
        outbox.confirm(batch.getValue());
        confirmed += batch.getValue().size();
      }
      batchSize = Math.min(BATCH, size * 2);
      if (pending.size() < size) {
        return confirmed;
      }
    }
  }

  /** The size of the next batch (after failures, smaller than {@link #BATCH}). */
  int batchSize() {
    return batchSize;
  }
}
