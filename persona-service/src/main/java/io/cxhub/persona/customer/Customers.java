package io.cxhub.persona.customer;

import java.util.Collection;
import java.util.List;

/** Storage port of customers, keyed by (tenant, customer id). Every method is tenant-scoped. */
public interface Customers {

  /** Stores the customer, replacing any earlier version with the same id. */
  void upsert(String tenantId, Customer customer);

  /** The customers among these ids that exist; unknown ids are left out. */
  List<Customer> find(String tenantId, Collection<String> customerIds);
}
