package io.cxhub.metrics.event;

import java.util.List;

/**
 * Where the events that describe a customer (orders, contacts) go on their way to
 * persona-service. Offered before they are counted, every time they are sent (retries
 * included): the feed keeps one entry per event id, so a crash between offering and
 * counting loses nothing and a resend adds nothing.
 */
public interface CustomerEventFeed {

  void offer(String tenantId, List<BusinessEvent> events);

  CustomerEventFeed NONE = (tenantId, events) -> { };
}
