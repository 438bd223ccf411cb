package io.cxhub.persona.customer;

import io.cxhub.kit.error.Violations;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

/** Upserts customers with their segment and persona, and looks them up in batches. */
public final class CustomerDirectory {

  public static final int MAX_LOOKUP = 500;
  static final int MAX_ID = 128;
  static final int MAX_SEGMENT = 64;

  private final Customers customers;
  private final Clock clock;

  public CustomerDirectory(Customers customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  public Customer upsert(String tenantId, String customerId, String segment, String personaId) {
    var violations = new Violations();
    violations.requireText("customer_id", customerId, MAX_ID);
    violations.maxLength("segment", segment, MAX_SEGMENT);
    violations.maxLength("persona_id", personaId, MAX_ID);
    violations.throwIfAny();
    var customer = new Customer(customerId, segment == null ? "" : segment.strip(),
        personaId == null ? "" : personaId, clock.instant());
    customers.upsert(tenantId, customer);
    return customer;
  }

  public List<Customer> lookup(String tenantId, List<String> customerIds) {
    var violations = new Violations();
    violations.check(customerIds.size() <= MAX_LOOKUP, "customer_ids", "must contain at most " + MAX_LOOKUP + " ids");
    violations.throwIfAny();
    var ids = new LinkedHashSet<String>();
    customerIds.stream().filter(id -> id != null && !id.isEmpty() && id.length() <= MAX_ID).forEach(ids::add);
    return ids.isEmpty() ? List.of() : customers.find(tenantId, ids);
  }
}
