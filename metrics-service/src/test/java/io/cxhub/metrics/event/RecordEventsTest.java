package io.cxhub.metrics.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.kpi.KpiFamily;
import io.cxhub.metrics.kpi.KpiFilter;
import io.cxhub.metrics.kpi.KpiQuery;
import io.cxhub.metrics.kpi.QueryKpis;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.score.Granularity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
}
