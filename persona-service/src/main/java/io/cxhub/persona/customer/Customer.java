package io.cxhub.persona.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer of a tenant: its id in the tenant's systems, its profile (as stated), its
 * activity (derived from events) and its value (computed for the tenant as a whole).
 *
 * @param value null until the tenant's value is first computed
 * @param createTime when first stored
 * @param updateTime when last changed
 * @param segmentIds the rule segments the customer is in (by the segments' priority, then id)
 * @param assignedPersona the discovered persona assigned by rule; null when none (always none
 *     for a customer with a stated persona)
 */
public record Customer(String customerId, CustomerProfile profile, CustomerActivity activity, CustomerValue value,
    Instant createTime, Instant updateTime, List<String> segmentIds, PersonaAssignment assignedPersona) {

  public Customer {
    activity = activity == null ? CustomerActivity.NONE : activity;
    segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
  }

  /** A customer in no rule segment (yet). */
  public Customer(String customerId, CustomerProfile profile, CustomerActivity activity, CustomerValue value,
      Instant createTime, Instant updateTime) {
    this(customerId, profile, activity, value, createTime, updateTime, List.of(), null);
  }

  public Customer withSegmentIds(List<String> ids) {
    return new Customer(customerId, profile, activity, value, createTime, updateTime, ids, assignedPersona);
  }

  public Customer withAssignedPersona(PersonaAssignment assignment) {
    return new Customer(customerId, profile, activity, value, createTime, updateTime, segmentIds, assignment);
  }

  /** The persona that slices the indicators: the stated one, else the assigned one; empty when neither. */
  public String slicingPersona() {
    if (!profile.personaId().isEmpty()) {
      return profile.personaId();
    }
    return assignedPersona == null ? "" : assignedPersona.personaId();
  }

  /**
   * The segment that slices the indicators of the customer's responses: the stated label,
   * or when there is none the first rule segment; empty when neither.
   */
  public String slicingSegment() {
    if (!profile.segment().isEmpty()) {
      return profile.segment();
    }
    return segmentIds.isEmpty() ? "" : segmentIds.get(0);
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
    var stated = profile.transactional();
    // a stated last order without a stated first one is still an order that happened
    return earliest(earliest(stated.firstOrderTime(), stated.lastOrderTime()), activity.firstOrder());
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
