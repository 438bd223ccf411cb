package io.cxhub.persona.customer;

import java.time.Instant;

/**
 * An order or a contact of a customer, recorded once by metrics-service and relayed here.
 *
 * @param amount ORDER: in units of the currency
 * @param channel CONTACT: channel name ({@code SUPPORT})
 * @param weekday CONTACT: ISO day of week 1–7 in the tenant's zone
 * @param hour CONTACT: hour 0–23 in the tenant's zone
 */
public record CustomerEvent(String eventId, String customerId, Kind kind, Instant occurTime, double amount,
    String currency, String channel, int weekday, int hour) {

  public enum Kind { ORDER, CONTACT }
}
