package io.cxhub.persona.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A {@link Customers} in a map per tenant, in id order. Events are not supported. */
public final class InMemoryCustomers implements Customers {

  private final Map<String, TreeMap<String, Customer>> byTenant = new TreeMap<>();

  private TreeMap<String, Customer> of(String tenantId) {
    return byTenant.computeIfAbsent(tenantId, t -> new TreeMap<>());
  }

  @Override
  public void upsert(String tenantId, List<Customer> customers) {
    customers.forEach(c -> of(tenantId).put(c.customerId(), c));
  }

  @Override
  public List<Customer> find(String tenantId, Collection<String> customerIds) {
    return customerIds.stream().map(of(tenantId)::get).filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public List<Customer> list(String tenantId, CustomerFilter filter, String afterId, int limit) {
    return of(tenantId).values().stream().filter(c -> afterId == null || c.customerId().compareTo(afterId) > 0)
        .limit(limit).toList();
  }

  @Override
  public void forEach(String tenantId, Consumer<Customer> action) {
    List.copyOf(of(tenantId).values()).forEach(action);
  }

  @Override
  public void setValues(String tenantId, Map<String, CustomerValue> values) {
    values.forEach((id, v) -> of(tenantId).computeIfPresent(id, (k, c) ->
        new Customer(c.customerId(), c.profile(), c.activity(), v, c.createTime(), c.updateTime(), c.segmentIds(),
            c.assignedPersona())));
  }

  @Override
  public boolean apply(String tenantId, CustomerEvent event, Instant now) {
    throw new UnsupportedOperationException("events");
  }

  @Override
  public void setSegments(String tenantId, Map<String, List<String>> segmentIds) {
    segmentIds.forEach((id, ids) -> of(tenantId).computeIfPresent(id, (k, c) -> c.withSegmentIds(ids)));
  }

  @Override
  public void setPersonaAssignments(String tenantId, Map<String, PersonaAssignment> assignments) {
    assignments.forEach((id, a) -> of(tenantId).computeIfPresent(id, (k, c) -> c.withAssignedPersona(a)));
  }

  @Override
  public long forgetPersona(String tenantId, String personaId) {
    long[] changed = {0};
    of(tenantId).replaceAll((id, c) -> {
      var next = c;
      if (c.personaId().equals(personaId)) {
        next = new Customer(c.customerId(), c.profile().toBuilder().personaId("").build(), c.activity(), c.value(),
            c.createTime(), c.updateTime(), c.segmentIds(), c.assignedPersona());
      }
      if (c.assignedPersona() != null && c.assignedPersona().personaId().equals(personaId)) {
        next = next.withAssignedPersona(null);
      }
      changed[0] += next == c ? 0 : 1;
      return next;
    });
    return changed[0];
  }

  @Override
  public long countInSegment(String tenantId, String segmentId) {
    return of(tenantId).values().stream().filter(c -> c.segmentIds().contains(segmentId)).count();
  }

  @Override
  public void leaveSegment(String tenantId, String segmentId) {
    of(tenantId).replaceAll((id, c) -> c.withSegmentIds(c.segmentIds().stream().filter(s -> !s.equals(segmentId)).toList()));
  }

  @Override
  public long count(String tenantId) {
    return of(tenantId).size();
  }

  @Override
  public boolean delete(String tenantId, String customerId) {
    return of(tenantId).remove(customerId) != null;
  }
}
