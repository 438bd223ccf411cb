package io.cxhub.metrics.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.kpi.KpiDimension;
import io.cxhub.metrics.kpi.KpiFamily;
import io.cxhub.metrics.kpi.KpiFilter;
import io.cxhub.metrics.kpi.KpiQuery;
import io.cxhub.metrics.kpi.QueryKpis;
import io.cxhub.metrics.kpi.KpiResults;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.score.Granularity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordEventsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");

  private final MemoryRollup rollup = new MemoryRollup(CLOCK);
  private final RecordEvents record = new RecordEvents(rollup.aggregator, CLOCK);
  private final QueryKpis kpis = new QueryKpis(rollup.cubes, TenantZones.UTC, CLOCK);

  private long resolved(String tenant) {
    return kpis.query(tenant, new KpiQuery(KpiFilter.ALL, List.of(), Granularity.MONTH, Set.of(KpiFamily.SUPPORT)))
        .total().support().resolved();
  }

  private static BusinessEvent resolution(String id) {
    return EventFixtures.resolved(id, AT, Channel.SUPPORT, "n1", 1, 60L);
  }

  @Test
  void theSameBatchTwiceCountsOnce() {
    var batch = List.of(resolution("r1"), resolution("r2"));

    var first = record.record("acme", batch);
    var second = record.record("acme", batch);

    assertThat(first).isEqualTo(new RecordEvents.BatchOutcome(2, 2, 0));
    assertThat(second).isEqualTo(new RecordEvents.BatchOutcome(2, 0, 2));
    assertThat(resolved("acme")).isEqualTo(2);
  }

  @Test
  void anEventRepeatedWithinABatchIsADuplicate() {
    var outcome = record.record("acme", List.of(resolution("r1"), resolution("r1")));

    assertThat(outcome).isEqualTo(new RecordEvents.BatchOutcome(2, 1, 1));
    assertThat(resolved("acme")).isEqualTo(1);
  }

  @Test
  void anInvalidEventRefusesTheWholeBatch() {
    var bad = BusinessEvent.builder("r2", EventType.CASE_RESOLVED, AT).build();

    var error = catchThrowableOfType(InvalidInputException.class,
        () -> record.record("acme", List.of(resolution("r1"), bad)));

    assertThat(error.violations()).extracting(FieldViolation::field)
        .containsExactly("events[1].case_id", "events[1].contact_count");
    assertThat(resolved("acme")).isZero();
    assertThat(rollup.ledger.size()).isZero();
  }

  @Test
  void refusesEmptyAndOversizedBatches() {
    var big = new ArrayList<BusinessEvent>();
    for (int i = 0; i <= EventValidation.MAX_EVENTS; i++) {
      big.add(resolution("r" + i));
    }

    assertThat(catchThrowableOfType(InvalidInputException.class, () -> record.record("acme", List.of())).violations())
        .extracting(FieldViolation::field).containsExactly("events");
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> record.record("acme", big)).violations())
        .extracting(FieldViolation::field).containsExactly("events");
  }

  @Test
  void anImportRecordsTheGoodLinesAndAnOverlappingReimportCountsNothingTwice() {
    var bad = new RecordEvents.ImportLine(2, BusinessEvent.builder("x", EventType.CASE_RESOLVED, AT).caseId("k").build(),
        List.of());
    var unreadable = new RecordEvents.ImportLine(3, null, List.of(new FieldViolation("", "is not valid JSON")));
    var first = record.importLines("acme", List.of(
        new RecordEvents.ImportLine(1, resolution("a"), List.of()), bad, unreadable,
        new RecordEvents.ImportLine(4, resolution("b"), List.of())));
    var again = record.importLines("acme", List.of(
        new RecordEvents.ImportLine(1, resolution("a"), List.of()),
        new RecordEvents.ImportLine(2, resolution("b"), List.of()),
        new RecordEvents.ImportLine(3, resolution("c"), List.of())));

    assertThat(first.recorded()).isEqualTo(2);
    assertThat(first.rejected()).isEqualTo(2);
    assertThat(first.errors()).containsExactly(
        new RecordEvents.LineError(2, "contact_count", "is required for a resolution: from 1 to 1000"),
        new RecordEvents.LineError(3, "", "is not valid JSON"));
    assertThat(again.recorded()).isEqualTo(1);
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(resolved("acme")).isEqualTo(3);
  }

  @Test
  void theSameEventIdInTwoTenantsIsTwoEvents() {
    record.record("acme", List.of(resolution("r1")));
    record.record("globex", List.of(resolution("r1")));

    assertThat(resolved("acme")).isEqualTo(1);
    assertThat(resolved("globex")).isEqualTo(1);
    assertThat(resolved("initech")).isZero();
  }

  /** The customer's segment, persona and value tier, resolved at ingestion like a respondent's. */
  @Nested
  class Profiles {

    /** persona-service as the port sees it: a directory that changes, counting lookups. */
    private final Map<String, Profile> directory = new HashMap<>(Map.of(
        "c-1", Profile.of("smb", "p-busy", "loyal"),
        "c-2", Profile.of("enterprise", "", "at_risk")));
    private final AtomicInteger lookups = new AtomicInteger();
    private final Segments segments = (tenant, ids) -> {
      lookups.incrementAndGet();
      var found = new HashMap<String, Profile>();
      ids.forEach(id -> found.put(id, directory.getOrDefault(id, Profile.UNASSIGNED)));
      return found;
    };
    private final RecordEvents sliced = new RecordEvents(rollup.aggregator, CLOCK, CustomerEventFeed.NONE, segments);

    private BusinessEvent resolutionOf(String id, String customer) {
      return BusinessEvent.builder(id, EventType.CASE_RESOLVED, AT).caseId("case-" + id).channel(Channel.SUPPORT)
          .contactCount(1).handlingSeconds(60L).customerId(customer).build();
    }

    /** Resolutions per value of one dimension. */
    private Map<String, Long> resolvedBy(KpiDimension dimension, KpiFilter filter) {
      var report = kpis.query("acme", new KpiQuery(filter, List.of(dimension), Granularity.MONTH,
          Set.of(KpiFamily.SUPPORT, KpiFamily.COMMERCE)));
      var result = new TreeMap<String, Long>();
      for (KpiResults.Cell cell : report.cells()) {
        result.put(cell.key().get(dimension), cell.support().resolved());
      }
      return result;
    }

    @Test
    void eventsAreSlicedByTheirCustomersProfileAndEventsWithoutCustomerByNone() {
      var outcome = sliced.record("acme", List.of(resolutionOf("r1", "c-1"), resolutionOf("r2", "c-2"),
          resolutionOf("r3", "c-unknown"), resolutionOf("r4", "")));

      assertThat(outcome.recorded()).isEqualTo(4);
      assertThat(lookups.get()).isEqualTo(1); // one lookup for the batch
      assertThat(resolvedBy(KpiDimension.VALUE_TIER, KpiFilter.ALL)).containsExactly(
          Map.entry("", 1L), Map.entry("at_risk", 1L), Map.entry("loyal", 1L), Map.entry("unassigned", 1L));
      assertThat(resolvedBy(KpiDimension.SEGMENT, KpiFilter.ALL)).containsExactly(
          Map.entry("", 1L), Map.entry("enterprise", 1L), Map.entry("smb", 1L), Map.entry("unassigned", 1L));
      assertThat(resolvedBy(KpiDimension.PERSONA, KpiFilter.ALL)).containsExactly(
          Map.entry("", 1L), Map.entry("p-busy", 1L), Map.entry("unassigned", 2L));
      var atRisk = KpiFilter.builder().valueTiers(List.of("at_risk", "unassigned")).build();
      assertThat(resolvedBy(KpiDimension.SEGMENT, atRisk)).containsExactly(
          Map.entry("enterprise", 1L), Map.entry("unassigned", 1L));
    }

    @Test
    void ordersAreSlicedToo() {
      sliced.record("acme", List.of(EventFixtures.order("o1", AT, "c-1", "EUR", 10_000_000),
          EventFixtures.order("o2", AT, "c-2", "EUR", 5_000_000)));

      var report = kpis.query("acme", new KpiQuery(KpiFilter.builder().valueTiers(List.of("loyal")).build(),
          List.of(KpiDimension.VALUE_TIER), Granularity.MONTH, Set.of(KpiFamily.COMMERCE)));

      assertThat(report.cells()).singleElement().satisfies(cell -> {
        assertThat(cell.key()).containsEntry(KpiDimension.VALUE_TIER, "loyal");
        assertThat(cell.commerce().revenueMicros()).containsEntry("EUR", 10_000_000L);
      });
    }

    @Test
    void aResentEventKeepsTheSliceItWasFirstRecordedWith() {
      sliced.record("acme", List.of(resolutionOf("r1", "c-1")));
      directory.put("c-1", Profile.of("smb", "p-busy", "champions"));

      var again = sliced.record("acme", List.of(resolutionOf("r1", "c-1"), resolutionOf("r2", "c-1")));

      assertThat(again).isEqualTo(new RecordEvents.BatchOutcome(2, 1, 1));
      assertThat(resolvedBy(KpiDimension.VALUE_TIER, KpiFilter.ALL))
          .containsExactly(Map.entry("champions", 1L), Map.entry("loyal", 1L));
    }

    @Test
    void aCrashAfterTheCubesIsCompletedByTheResendWithoutCountingTwiceOrMovingTheEvent() {
      var crashing = new RecordEvents(rollup.over(crashingAfterApply(rollup.cubes)), CLOCK, CustomerEventFeed.NONE,
          segments);
      assertThat(catchThrowableOfType(IllegalStateException.class,
          () -> crashing.record("acme", List.of(resolutionOf("r1", "c-1"))))).hasMessageContaining("crash");
      directory.put("c-1", Profile.of("smb", "p-busy", "champions"));

      var resent = sliced.record("acme", List.of(resolutionOf("r1", "c-1")));

      assertThat(resent.received()).isEqualTo(1);
      assertThat(resolvedBy(KpiDimension.VALUE_TIER, KpiFilter.ALL)).containsExactly(Map.entry("loyal", 1L));
      assertThat(sliced.record("acme", List.of(resolutionOf("r1", "c-1"))).duplicates()).isEqualTo(1);
      assertThat(resolvedBy(KpiDimension.VALUE_TIER, KpiFilter.ALL)).containsExactly(Map.entry("loyal", 1L));
    }

    @Test
    void aCrashBeforeTheCubesIsCompletedByTheResendUnderTheFirstProfile() {
      var crashing = new RecordEvents(rollup.over(crashingBeforeApply(rollup.cubes)), CLOCK, CustomerEventFeed.NONE,
          segments);
      assertThat(catchThrowableOfType(IllegalStateException.class,
          () -> crashing.record("acme", List.of(resolutionOf("r1", "c-1"))))).hasMessageContaining("crash");
      assertThat(resolved("acme")).isZero();
      directory.put("c-1", Profile.of("smb", "p-busy", "champions"));

      sliced.record("acme", List.of(resolutionOf("r1", "c-1")));

      assertThat(resolvedBy(KpiDimension.VALUE_TIER, KpiFilter.ALL)).containsExactly(Map.entry("loyal", 1L));
    }
  }

  /** Cubes that apply the increments, then fail as if the process died before the mark. */
  private static Cubes crashingAfterApply(Cubes delegate) {
    return crashing(delegate, true);
  }

  /** Cubes that fail before applying anything. */
  private static Cubes crashingBeforeApply(Cubes delegate) {
    return crashing(delegate, false);
  }

  private static Cubes crashing(Cubes delegate, boolean afterApply) {
    return (Cubes) Proxy.newProxyInstance(Cubes.class.getClassLoader(), new Class<?>[] {Cubes.class},
        (proxy, method, args) -> {
          boolean apply = method.getName().equals("applyOnce");
          if (apply && !afterApply) {
            throw new IllegalStateException("crash before the cubes");
          }
          Object result;
          try {
            result = method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (apply) {
            throw new IllegalStateException("crash after the cubes");
          }
          return result;
        });
  }
}
