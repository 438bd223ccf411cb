package io.cxhub.persona.customer;

import java.time.Instant;
import java.util.Map;

/**
 * What recorded events say about a customer (derived, never set by hand): orders placed
 * and contacts made, each event counted once.
 *
 * @param orders orders recorded
 * @param spent their total amount
 * @param firstOrder null without orders
 * @param lastOrder null without orders
 * @param contactsByChannel channel name → contacts
 * @param contactsByWeekday ISO day of week (1 Monday … 7 Sunday, tenant's zone) → contacts
 * @param contactsByHour hour of day (0–23, tenant's zone) → contacts
 * @param contactsBySlot {@link #slot(String, int, int) channel, weekday and hour} together →
 *     contacts (recorded since slots were kept; the three marginals above count all contacts)
 */
public record CustomerActivity(long orders, double spent, Instant firstOrder, Instant lastOrder,
    Map<String, Long> contactsByChannel, Map<Integer, Long> contactsByWeekday, Map<Integer, Long> contactsByHour,
    Map<String, Long> contactsBySlot) {

  public static final CustomerActivity NONE = new CustomerActivity(0, 0, null, null, Map.of(), Map.of(), Map.of());

  public CustomerActivity {
    contactsByChannel = Map.copyOf(contactsByChannel);
    contactsByWeekday = Map.copyOf(contactsByWeekday);
    contactsByHour = Map.copyOf(contactsByHour);
    contactsBySlot = contactsBySlot == null ? Map.of() : Map.copyOf(contactsBySlot);
  }

  /** Activity without joint contact slots. */
  public CustomerActivity(long orders, double spent, Instant firstOrder, Instant lastOrder,
      Map<String, Long> contactsByChannel, Map<Integer, Long> contactsByWeekday, Map<Integer, Long> contactsByHour) {
    this(orders, spent, firstOrder, lastOrder, contactsByChannel, contactsByWeekday, contactsByHour, Map.of());
  }

  /** The key of a contact slot: {@code SUPPORT-1-14} (channel, ISO weekday, hour). */
  public static String slot(String channel, int weekday, int hour) {
    return channel + "-" + weekday + "-" + hour;
  }

  public long contacts() {
    return contactsByChannel.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The channel with most contacts (ties: by name); empty without contacts. */
  public String preferredChannel() {
    return contactsByChannel.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse("");
  }
}
