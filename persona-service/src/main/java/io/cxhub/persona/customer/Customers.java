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

  /** Deletes the customer; false if there was none. */
  boolean delete(String tenantId, String customerId);
}
