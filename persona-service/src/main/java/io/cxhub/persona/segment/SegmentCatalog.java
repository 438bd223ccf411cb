package io.cxhub.persona.segment;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.Violations;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.customer.Segmentation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment use cases: define, read, list and delete segments, follow their
 * re-evaluations and sizes, and put customers in them ({@link Segmentation}, asked on every
 * customer change). A definition change re-evaluates every customer of the tenant as an
 * operation run by the executor; {@link #reevaluate(String)} does the same pass in the
 * caller's thread (after a valuation, and daily for time-dependent attributes), and every
 * pass records the day's sizes.
 */
public final class SegmentCatalog implements Segmentation {

  public static final int MAX_SEGMENTS = 100;
  static final int PAGE = 1000;
  static final int MAX_SIZE_DAYS = 366;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(SegmentCatalog.class);

  private final Segments segments;
  private final SegmentOperations operations;
  private final SegmentSizes sizes;
  private final Customers customers;
  private final Executor executor;
  private final Clock clock;

  /** @param executor runs re-evaluations after a definition change (a single background thread) */
  public SegmentCatalog(Segments segments, SegmentOperations operations, SegmentSizes sizes, Customers customers,
      Executor executor, Clock clock) {
    this.segments = Objects.requireNonNull(segments);
    this.operations = Objects.requireNonNull(operations);
    this.sizes = Objects.requireNonNull(sizes);
    this.customers = Objects.requireNonNull(customers);
    this.executor = Objects.requireNonNull(executor);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Creates or replaces a segment and starts re-evaluating the tenant's customers.
   *
   * @throws InvalidInputException naming every invalid field, rule parts by their path
   */
  public Segment upsert(String tenantId, Segment.Definition definition) {
    var violations = new Violations();
    violations.requireText("segment_id", definition.segmentId(), 64);
    violations.matches("segment_id", definition.segmentId(), ID, "1 to 64 letters, digits, '-' or '_'");
    violations.maxLength("display_name", definition.displayName(), 120);
    violations.maxLength("description", definition.description(), 2000);
    SegmentRuleCheck.check(violations, "rule", definition.rule());
    violations.throwIfAny();
    var before = segments.find(tenantId, definition.segmentId());
    if (before.isEmpty() && segments.list(tenantId).size() >= MAX_SEGMENTS) {
      throw InvalidInputException.of("segment_id", "a tenant has at most " + MAX_SEGMENTS + " segments");
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var operation = new SegmentOperation("segop-" + UUID.randomUUID(), tenantId, definition.segmentId(),
        SegmentOperation.State.RUNNING, customers.count(tenantId), 0, 0, now, null, "");
    var segment = new Segment(definition, operation.operationId(),
        before.map(Segment::createTime).orElse(now), now, 0);
    segments.save(tenantId, segment);
    operations.save(operation);
    log.info("segment saved tenant={} segment={} operation={}", tenantId, definition.segmentId(),
        operation.operationId());
    executor.execute(() -> run(operation));
    return segment;
  }

  /** @throws NotFoundException if the tenant has no such segment */
  public Segment get(String tenantId, String segmentId) {
    requireId(segmentId);
    return segments.find(tenantId, segmentId)
        .map(s -> s.withSize(customers.countInSegment(tenantId, segmentId)))
        .orElseThrow(() -> new NotFoundException("segment", segmentId));
  }

  /** The tenant's segments by priority, then id, with their sizes. */
  public List<Segment> list(String tenantId) {
    return segments.list(tenantId).stream()
        .map(s -> s.withSize(customers.countInSegment(tenantId, s.segmentId()))).toList();
  }

  /**
   * The tenant's segments whose rule compares {@code attribute} with {@code value} (in a
   * comparison or an {@code in} list, at any depth), in words: {@code segment 'Name' (id)}.
   * What a thing named in rules (a persona) asks before it is deleted.
   */
  public List<String> naming(String tenantId, String attribute, String value) {
    return segments.list(tenantId).stream()
        .filter(s -> names(s.definition().rule(), attribute, value))
        .map(s -> "segment '" + (s.definition().displayName().isEmpty() ? s.segmentId()
            : s.definition().displayName()) + "' (" + s.segmentId() + ")")
        .toList();
  }

  private static boolean names(SegmentRule rule, String attribute, String value) {
    if (rule instanceof SegmentRule.All all) {
      return all.rules().stream().anyMatch(r -> names(r, attribute, value));
    }
    if (rule instanceof SegmentRule.Any any) {
      return any.rules().stream().anyMatch(r -> names(r, attribute, value));
    }
    if (rule instanceof SegmentRule.Not not) {
      return not.rule() != null && names(not.rule(), attribute, value);
    }
    if (rule instanceof SegmentRule.Compare c) {
      return attribute.equals(c.attribute()) && c.value() instanceof SegmentRule.Value.Text t
          && value.equals(t.value());
    }
    if (rule instanceof SegmentRule.In in) {
      return attribute.equals(in.attribute()) && in.values().contains(value);
    }
    return false;
  }

  /** Deletes the segment; its members leave it. @throws NotFoundException if there is none */
  public void delete(String tenantId, String segmentId) {
    requireId(segmentId);
    if (!segments.delete(tenantId, segmentId)) {
      throw new NotFoundException("segment", segmentId);
    }
    customers.leaveSegment(tenantId, segmentId);
    log.info("segment deleted tenant={} segment={}", tenantId, segmentId);
  }

  /** @throws NotFoundException if the tenant has no such operation */
  public SegmentOperation operation(String tenantId, String operationId) {
    if (operationId == null || operationId.isBlank()) {
      throw InvalidInputException.of("operation_id", "is required");
    }
    return operations.find(tenantId, operationId)
        .orElseThrow(() -> new NotFoundException("segment operation", operationId));
  }

  /**
   * The segment's daily sizes between two days (UTC, both included; empty: the 90 days up to
   * today).
   *
   * @throws NotFoundException if the tenant has no such segment (and never had sizes)
   */
  public List<SegmentSizes.Size> sizes(String tenantId, String segmentId, String startDate, String endDate) {
    requireId(segmentId);
    var violations = new Violations();
    LocalDate end = day(violations, "end_date", endDate, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    LocalDate start = day(violations, "start_date", startDate, end == null ? null : end.minusDays(89));
    violations.throwIfAny();
    violations.check(!start.isAfter(end), "start_date", "must not be after end_date");
    violations.check(ChronoUnit.DAYS.between(start, end) < MAX_SIZE_DAYS, "start_date",
        "must be at most " + MAX_SIZE_DAYS + " days before end_date");
    violations.throwIfAny();
    var found = sizes.list(tenantId, segmentId, start, end);
    if (found.isEmpty() && segments.find(tenantId, segmentId).isEmpty()) {
      throw new NotFoundException("segment", segmentId);
    }
    return found;
  }

  @Override
  public Assigner assigner(String tenantId) {
    var compiled = compiled(tenantId, clock.instant());
    if (compiled.isEmpty()) {
      return customer -> List.of();
    }
    return customer -> {
      var ids = new ArrayList<String>(2);
      compiled.forEach((id, rule) -> {
        if (rule.test(customer)) {
          ids.add(id);
        }
      });
      return ids;
    };
  }

  /** Re-evaluates every customer of the tenant now, in this thread, and records the day's sizes. */
  public void reevaluate(String tenantId) {
    if (segments.list(tenantId).isEmpty()) {
      return;
    }
    pass(tenantId, (done, changed) -> { });
  }

  /** Re-evaluates every tenant that has segments (the daily snapshot). */
  public void reevaluateAll() {
    for (String tenantId : segments.tenants()) {
      reevaluate(tenantId);
    }
  }

  private void run(SegmentOperation operation) {
    var current = new SegmentOperation[] {operation};
    try {
      var result = pass(operation.tenantId(), (done, changed) -> {
        current[0] = current[0].progress(done, changed);
        operations.save(current[0]);
      });
      operations.save(current[0].succeeded(result[0], result[1], clock.instant()));
      log.info("segments re-evaluated tenant={} operation={} customers={} changed={}", operation.tenantId(),
          operation.operationId(), result[0], result[1]);
    } catch (RuntimeException e) {
      log.warn("segment re-evaluation failed tenant={} operation={}", operation.tenantId(), operation.operationId(), e);
      operations.save(current[0].failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant()));
    }
  }

  interface Progress {
    void report(long done, long changed);
  }

  /** @return {done, changed} */
  private long[] pass(String tenantId, Progress progress) {
    var now = clock.instant();
    var compiled = compiled(tenantId, now);
    var counts = new LinkedHashMap<String, Long>();
    compiled.keySet().forEach(id -> counts.put(id, 0L));
    var done = new AtomicLong();
    var changedCount = new AtomicLong();
    var changed = new HashMap<String, List<String>>();
    customers.forEach(tenantId, customer -> {
      var ids = new ArrayList<String>(2);
      compiled.forEach((id, rule) -> {
        if (rule.test(customer)) {
          ids.add(id);
          counts.merge(id, 1L, Long::sum);
        }
      });
      if (!ids.equals(customer.segmentIds())) {
        changed.put(customer.customerId(), ids);
        changedCount.incrementAndGet();
      }
      if (done.incrementAndGet() % PAGE == 0) {
        flush(tenantId, changed);
        progress.report(done.get(), changedCount.get());
      }
    });
    flush(tenantId, changed);
    sizes.record(tenantId, LocalDate.ofInstant(now, ZoneOffset.UTC), counts);
    return new long[] {done.get(), changedCount.get()};
  }

  private void flush(String tenantId, Map<String, List<String>> changed) {
    if (!changed.isEmpty()) {
      customers.setSegments(tenantId, new HashMap<>(changed));
      changed.clear();
    }
  }

  private Map<String, Predicate<Customer>> compiled(String tenantId, Instant now) {
    var result = new LinkedHashMap<String, Predicate<Customer>>();
    for (var s : segments.list(tenantId)) {
      try {
        result.put(s.segmentId(), SegmentRuleCompiler.compile(s.definition().rule(), now));
      } catch (IllegalArgumentException e) {
        // stored before a rule became invalid (an attribute withdrawn): it matches nobody
        log.warn("segment rule not compiled tenant={} segment={}: {}", tenantId, s.segmentId(), e.getMessage());
      }
    }
    return result;
  }

  private static LocalDate day(Violations violations, String field, String text, LocalDate otherwise) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(field, "must be a day as YYYY-MM-DD");
      return null;
    }
  }

  private static void requireId(String segmentId) {
    if (segmentId == null || segmentId.isBlank()) {
      throw InvalidInputException.of("segment_id", "is required");
    }
  }
}
