package io.cxhub.metrics.customerfeed;

import java.time.Instant;

/**
 * An order or contact waiting in the outbox for persona-service.
 *
 * @param amount ORDER: in units of the currency
 * @param channel CONTACT: channel name
 * @param weekday CONTACT: ISO day of week in the tenant's zone when recorded
 * @param hour CONTACT: hour of day in the tenant's zone when recorded
 */
public record FeedEntry(String tenantId, String eventId, String customerId, Kind kind, Instant occurTime,
    double amount, String currency, String channel, int weekday, int hour) {

  public enum Kind { ORDER, CONTACT }
}
