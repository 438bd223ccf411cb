package io.cxhub.persona.customer;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer of a tenant: its id in the tenant's systems, its profile (as stated), its
 * activity (derived from events) and its value (computed for the tenant as a whole).
 *
 * @param value null until the tenant's value is first computed
 * @param createTime when first stored
 * @param updateTime when last changed
 */
public record Customer(String customerId, CustomerProfile profile, CustomerActivity activity, CustomerValue value,
    Instant createTime, Instant updateTime) {

  public Customer {
    activity = activity == null ? CustomerActivity.NONE : activity;
  }

  /** A customer as stated, before any event or valuation. */
  public static Customer stated(String customerId, CustomerProfile profile, Instant createTime, Instant updateTime) {
    return new Customer(customerId, profile, CustomerActivity.NONE, null, createTime, updateTime);
  }

  /** Empty when not segmented. */
  public String segment() {
    return profile.segment();
  }

  /** Empty when none. */
  public String personaId() {
    return profile.personaId();
  }

  public Optional<CustomerValue> valueIfComputed() {
    return Optional.ofNullable(value);
  }

  /** Orders: the stated baseline plus those recorded. */
  public long orders() {
    return profile.transactional().orderCount() + activity.orders();
  }

  /** Amount spent: the stated baseline plus recorded orders. */
  public double spent() {
    return profile.transactional().totalSpent() + activity.spent();
  }

  /** The earliest known order, stated or recorded; null without orders. */
  public Instant firstOrder() {
    return earliest(profile.transactional().firstOrderTime(), activity.firstOrder());
  }

  /** The latest known order, stated or recorded; null without orders. */
  public Instant lastOrder() {
    var stated = profile.transactional().lastOrderTime();
    var recorded = activity.lastOrder();
    if (stated == null) {
      return recorded;
    }
    return recorded == null || stated.isAfter(recorded) ? stated : recorded;
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
