package io.cxhub.persona.customer;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.persona.persona.Personas;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The customer-profile use cases: upsert one or a batch, import CSV, read, list, delete,
 * and the internal batch lookup. A persona reference must name a persona of the tenant.
 */
public final class CustomerDirectory {

  public static final int MAX_LOOKUP = 500;
  public static final int MAX_BATCH = 1000;

  private final Customers customers;
  private final Personas personas;
  private final CustomerChanges changes;
  private final Segmentation segmentation;
  private final Erasures erasures;
  private final Clock clock;

  public CustomerDirectory(Customers customers, Personas personas, CustomerChanges changes, Segmentation segmentation,
      Erasures erasures, Clock clock) {
    this.customers = Objects.requireNonNull(customers);
    this.personas = Objects.requireNonNull(personas);
    this.changes = Objects.requireNonNull(changes);
    this.segmentation = Objects.requireNonNull(segmentation);
    this.erasures = Objects.requireNonNull(erasures);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Erases a data subject from persona-service (its part of a data-subject erasure): the
   * customer's document goes, and a tombstone (a hash of the id) keeps events relayed later
   * from recreating it. Idempotent: erasing an erased customer confirms again.
   *
   * @return true if a profile was deleted by this call
   * @throws NotFoundException if the tenant never had (or no longer knows) the customer
   */
  public boolean erase(String tenantId, String customerId) {
    requireId(customerId);
    boolean deleted = customers.delete(tenantId, customerId);
    if (!deleted && erasures.erased(tenantId, List.of(customerId)).isEmpty()) {
      throw new NotFoundException("customer", customerId);
    }
    erasures.record(tenantId, customerId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (deleted) {
      changes.changed(tenantId);
    }
    return deleted;
  }

  /** Whether the tenant holds the customer's profile or erased it (a tombstone). */
  public boolean known(String tenantId, String customerId) {
    return customers.find(tenantId, customerId).isPresent()
        || !erasures.erased(tenantId, List.of(customerId)).isEmpty();
  }

  /** The customer's profile, if the tenant holds it. */
  public java.util.Optional<Customer> find(String tenantId, String customerId) {
    return customers.find(tenantId, customerId);
  }

  /** A customer to upsert: its id and its profile. */
  public record Upsert(String customerId, CustomerProfile profile) {}

  /**
   * Creates or replaces one customer.
   *
   * @throws InvalidInputException naming every invalid field, {@code persona_id} if it names no
   *     persona of the tenant
   */
  public Customer upsert(String tenantId, Upsert upsert) {
    var violations = new Violations();
    CustomerRules.check(violations, "", upsert.customerId(), upsert.profile(), clock.instant());
    violations.throwIfAny();
    checkPersonas(tenantId, List.of(upsert), i -> "persona_id");
    return store(tenantId, List.of(upsert)).get(0);
  }

  /**
   * Creates or replaces 1 to {@value #MAX_BATCH} customers: all are checked before any is
   * stored, and one invalid customer refuses the batch ({@code customers[3].email}).
   */
  public List<Customer> upsertAll(String tenantId, List<Upsert> batch) {
    var violations = new Violations();
    violations.check(!batch.isEmpty() && batch.size() <= MAX_BATCH, "customers",
        "must contain 1 to " + MAX_BATCH + " customers");
    violations.throwIfAny();
    var seen = new HashSet<String>();
    var now = clock.instant();
    for (int i = 0; i < batch.size(); i++) {
      var u = batch.get(i);
      String prefix = "customers[" + i + "].";
      CustomerRules.check(violations, prefix, u.customerId(), u.profile(), now);
      violations.check(u.customerId() == null || seen.add(u.customerId()), prefix + "customer_id",
          "is repeated in the batch");
    }
    violations.throwIfAny();
    checkPersonas(tenantId, batch, i -> "customers[" + i + "].persona_id");
    return store(tenantId, batch);
  }

  /**
   * Imports customers from CSV: each valid line is stored, each invalid one reported with
   * its number and column.
   *
   * @throws InvalidInputException naming {@code body} when the file as a whole is unusable
   *     (no header, no {@code customer_id} column, an unknown column, too many lines)
   */
  public ImportReport importCsv(String tenantId, String csv) {
    var parsed = CustomerCsv.parse(csv, MAX_BATCH);
    var errors = new ArrayList<>(parsed.errors());
    var valid = new ArrayList<CustomerCsv.Line>();
    var now = clock.instant();
    var seen = new HashSet<String>();
    for (var line : parsed.lines()) {
      var violations = new Violations();
      CustomerRules.check(violations, "", line.upsert().customerId(), line.upsert().profile(), now);
      if (!violations.isEmpty()) {
        violations.asList().forEach(f -> errors.add(new LineError(line.number(), CustomerCsv.column(f.field()), f.description())));
      } else if (!seen.add(line.upsert().customerId())) {
        errors.add(new LineError(line.number(), "customer_id", "is repeated in the file"));
      } else {
        valid.add(line);
      }
    }
    var unknown = unknownPersonas(tenantId, valid.stream().map(CustomerCsv.Line::upsert).toList());
    var stored = new ArrayList<Upsert>();
    for (var line : valid) {
      if (unknown.contains(line.upsert().profile().personaId())) {
        errors.add(new LineError(line.number(), "persona_id", "names no persona of this tenant"));
      } else {
        stored.add(line.upsert());
      }
    }
    if (!stored.isEmpty()) {
      store(tenantId, stored);
    }
    errors.sort(java.util.Comparator.comparingInt(LineError::line));
    int rejected = (int) errors.stream().mapToInt(LineError::line).distinct().count();
    return new ImportReport(parsed.lineCount(), stored.size(), rejected, errors.stream().limit(100).toList());
  }

  /** A line of an import that was not stored; {@code field} is its column, empty for the whole line. */
  public record LineError(int line, String field, String description) {}

  /** What an import did. */
  public record ImportReport(int lines, int upserted, int rejected, List<LineError> errors) {}

  /**
   * Applies relayed orders and contacts, each at most once per event id.
   *
   * @return how many this call applied; the others had been applied before
   * @throws InvalidInputException naming {@code events[i].…} for a malformed event (nothing applied)
   */
  public int applyEvents(String tenantId, List<CustomerEvent> events) {
    var violations = new Violations();
    violations.check(events.size() <= MAX_BATCH, "events", "must contain at most " + MAX_BATCH + " events");
    for (int i = 0; i < events.size() && i < MAX_BATCH; i++) {
      var e = events.get(i);
      String prefix = "events[" + i + "].";
      violations.requireText(prefix + "event_id", e.eventId(), CustomerRules.ID_MAX);
      violations.requireText(prefix + "customer_id", e.customerId(), CustomerRules.ID_MAX);
      violations.check(e.kind() != null, prefix + "kind", "must be ORDER or CONTACT");
      violations.check(e.occurTime() != null, prefix + "occur_time", "is required");
      violations.check(Double.isFinite(e.amount()) && e.amount() >= 0, prefix + "amount", "must be 0 or more");
      violations.check(e.kind() != CustomerEvent.Kind.CONTACT || (e.weekday() >= 1 && e.weekday() <= 7),
          prefix + "local_weekday", "must be 1 to 7");
      violations.check(e.kind() != CustomerEvent.Kind.CONTACT || (e.hour() >= 0 && e.hour() <= 23),
          prefix + "local_hour", "must be 0 to 23");
      violations.check(e.kind() != CustomerEvent.Kind.CONTACT || e.channel().matches("[A-Z_]{1,32}"),
          prefix + "channel", "must be a channel");
    }
    violations.throwIfAny();
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int applied = 0;
    var touched = new LinkedHashSet<String>();
    // an event relayed after its customer's erasure must not recreate them
    var erased = erasures.erased(tenantId, events.stream().map(CustomerEvent::customerId).distinct().toList());
    for (var e : events) {
      if (erased.contains(e.customerId())) {
        continue;
      }
      if (customers.apply(tenantId, e, now)) {
        applied++;
        touched.add(e.customerId());
      }
    }
    if (applied > 0) {
      resegment(tenantId, touched);
      changes.changed(tenantId);
    }
    return applied;
  }

  /** Evaluates these customers against the tenant's segments again, storing what changed. */
  private void resegment(String tenantId, Set<String> customerIds) {
    var assigner = segmentation.assigner(tenantId);
    var changed = new HashMap<String, List<String>>();
    for (var c : customers.find(tenantId, customerIds)) {
      var ids = assigner.segmentsOf(c);
      if (!ids.equals(c.segmentIds())) {
        changed.put(c.customerId(), ids);
      }
    }
    if (!changed.isEmpty()) {
      customers.setSegments(tenantId, changed);
    }
  }

  /** @throws NotFoundException if the tenant has no such customer */
  public Customer get(String tenantId, String customerId) {
    requireId(customerId);
    return customers.find(tenantId, customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
  }

  /** One page of the tenant's customers by id, filtered. */
  public CustomerPage list(String tenantId, CustomerFilter filter, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(filter.segment(), filter.personaId(), filter.country()));
    var found = customers.list(tenantId, filter, page.after(), page.size() + 1);
    if (found.size() <= page.size()) {
      return new CustomerPage(found, "");
    }
    var items = found.subList(0, page.size());
    return new CustomerPage(List.copyOf(items), page.nextToken(items.get(items.size() - 1).customerId()));
  }

  /** @throws NotFoundException if the tenant has no such customer */
  public void delete(String tenantId, String customerId) {
    requireId(customerId);
    if (!customers.delete(tenantId, customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    changes.changed(tenantId);
  }

  public List<Customer> lookup(String tenantId, List<String> customerIds) {
    var violations = new Violations();
    violations.check(customerIds.size() <= MAX_LOOKUP, "customer_ids", "must contain at most " + MAX_LOOKUP + " ids");
    violations.throwIfAny();
    var ids = new LinkedHashSet<String>();
    customerIds.stream().filter(id -> id != null && !id.isEmpty() && id.length() <= CustomerRules.ID_MAX).forEach(ids::add);
    return ids.isEmpty() ? List.of() : customers.find(tenantId, ids);
  }

  private static void requireId(String customerId) {
    if (customerId == null || customerId.isBlank()) {
      throw InvalidInputException.of("customer_id", "is required");
    }
  }

  private List<Customer> store(String tenantId, List<Upsert> batch) {
    // stored instants have millisecond precision: what upsert returns is what a read returns
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var existing = new HashMap<String, Customer>();
    customers.find(tenantId, batch.stream().map(Upsert::customerId).toList())
        .forEach(c -> existing.put(c.customerId(), c));
    var assigner = segmentation.assigner(tenantId);
    var result = batch.stream().map(u -> {
      var before = existing.get(u.customerId());
      var customer = before == null ? Customer.stated(u.customerId(), normalized(u.profile()), now, now)
          : new Customer(u.customerId(), normalized(u.profile()), before.activity(), before.value(), before.createTime(), now);
      return customer.withSegmentIds(assigner.segmentsOf(customer));
    }).toList();
    // stating an erased customer again is deliberate new data
    erasures.clear(tenantId, result.stream().map(Customer::customerId).toList());
    customers.upsert(tenantId, result);
    changes.changed(tenantId);
    return result;
  }

  private static CustomerProfile normalized(CustomerProfile p) {
    return p.toBuilder().segment(p.segment().strip()).build();
  }

  private void checkPersonas(String tenantId, List<Upsert> batch, java.util.function.IntFunction<String> field) {
    var unknown = unknownPersonas(tenantId, batch);
    if (unknown.isEmpty()) {
      return;
    }
    var violations = new ArrayList<FieldViolation>();
    for (int i = 0; i < batch.size(); i++) {
      if (unknown.contains(batch.get(i).profile().personaId())) {
        violations.add(new FieldViolation(field.apply(i), "names no persona of this tenant"));
      }
    }
    throw new InvalidInputException(violations);
  }

  private Set<String> unknownPersonas(String tenantId, List<Upsert> batch) {
    Map<String, Boolean> known = new HashMap<>();
    for (var u : batch) {
      String id = u.profile().personaId();
      if (!id.isEmpty()) {
        known.computeIfAbsent(id, k -> personas.find(tenantId, k).isPresent());
      }
    }
    var unknown = new HashSet<String>();
    known.forEach((id, exists) -> {
      if (!exists) {
        unknown.add(id);
      }
    });
    return unknown;
  }
}
