package io.cxhub.persona.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port of customers, keyed by (tenant, customer id). Every method is tenant-scoped. */
public interface Customers {

  /**
   * Stores each customer's id and profile, replacing the profile of an existing one (its
   * create time stays). All or nothing is not promised across customers, but each is
   * written whole.
   */
  void upsert(String tenantId, List<Customer> customers);

  /** The customers among these ids that exist; unknown ids are left out. */
  List<Customer> find(String tenantId, Collection<String> customerIds);

  /** The tenant's customer with this id, if any. */
  default Optional<Customer> find(String tenantId, String customerId) {
    return find(tenantId, List.of(customerId)).stream().findFirst();
  }

  /**
   * Up to {@code limit} customers of the tenant in id order, after {@code afterId} (null:
   * from the first), matching the filter.
   */
  List<Customer> list(String tenantId, CustomerFilter filter, String afterId, int limit);

  /** Every customer of the tenant, in id order. */
  void forEach(String tenantId, java.util.function.Consumer<Customer> action);

  /** Stores computed values (customers deleted meanwhile are not recreated). */
  void setValues(String tenantId, java.util.Map<String, CustomerValue> values);

  /**
   * Applies an event to the customer's activity unless it was applied before (the event id
   * is recorded with the change, in one atomic write); creates the customer if unknown.
   *
   * @return true if this call applied it, false if it had been applied already
   */
  boolean apply(String tenantId, CustomerEvent event, java.time.Instant now);

  /**
   * Stores the rule segments of these customers (id → segment ids; customers deleted
   * meanwhile are not recreated).
   */
  void setSegments(String tenantId, java.util.Map<String, List<String>> segmentIds);

  /**
   * Stores discovered-persona assignments (id → assignment; a null assignment removes it).
   * Customers deleted meanwhile are not recreated.
   */
  void setPersonaAssignments(String tenantId, java.util.Map<String, PersonaAssignment> assignments);

  /**
   * Takes a deleted persona away from every customer of the tenant: a customer who stated it
   * has no stated persona any more, and an assignment to it is removed.
   *
   * @return customers changed
   */
  long forgetPersona(String tenantId, String personaId);

  /** Customers of the tenant in this rule segment now. */
  long countInSegment(String tenantId, String segmentId);

  /** Takes every customer of the tenant out of this rule segment (the segment was deleted). */
  void leaveSegment(String tenantId, String segmentId);

  /** Customers of the tenant. */
  long count(String tenantId);

  /** Deletes the customer; false if there was none. */
  boolean delete(String tenantId, String customerId);
}
