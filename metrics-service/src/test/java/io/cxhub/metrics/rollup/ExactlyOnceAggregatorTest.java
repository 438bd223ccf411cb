package io.cxhub.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exactly-once protocol against in-memory storage, including crashes between its steps. */
class ExactlyOnceAggregatorTest {

  record Sale(String itemId, LocalDate day, String shop, int amount) implements LedgerItem {}

  /** A sale adds its amount to its shop's cell of the day and month cubes. */
  static final Contributor<Sale> SALES = (tenantId, zone, sale) -> {
    var tally = Tally.builder().add("n", 1).add("amount", sale.amount()).build();
    var cell = Cell.of(Map.of("shop", sale.shop()));
    return List.of(
        new CellIncrement(new CubeId(tenantId, "sales", Period.day(sale.day())), cell, tally),
        new CellIncrement(new CubeId(tenantId, "sales", Period.month(sale.day())), cell, tally));
  };

  static final LocalDate DAY = LocalDate.of(2026, 3, 14);
  static final IngestSettings SETTINGS =
      new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 100);

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
  final InMemoryLedger<Sale> ledger = new InMemoryLedger<>();
  final InMemoryApplications applications = new InMemoryApplications();
  final InMemoryCubes cubes = new InMemoryCubes();
  final ExactlyOnceAggregator<Sale> aggregator =
      new ExactlyOnceAggregator<>("sales", ledger, applications, cubes, SALES, TenantZones.UTC, clock, SETTINGS);
  final RollupSweeper sweeper = new RollupSweeper(List.of(aggregator), applications, cubes, clock, SETTINGS);

  static Sale sale(String id, int amount) {
    return new Sale(id, DAY, "paris", amount);
  }

  long total(String tenant, Period period, String counter) {
    return cubes.read(tenant, List.of(new CubeId(tenant, "sales", period))).stream()
        .flatMap(c -> c.cells().values().stream())
        .mapToLong(c -> c.tally().counter(counter))
        .sum();
  }

  @Test
  void countsEachItemOnceWhateverTheRepeats() {
    var first = aggregator.record("t1", List.of(sale("a", 10), sale("b", 5), sale("a", 10)));
    var again = aggregator.record("t1", List.of(sale("b", 5), sale("c", 1)));

    assertThat(first.recordedIds()).containsExactly("a", "b");
    assertThat(first.applied()).isEqualTo(2);
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.applied()).isEqualTo(1);
    assertThat(total("t1", Period.day(DAY), "amount")).isEqualTo(16);
    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(16);
    assertThat(total("t1", Period.month(DAY), "n")).isEqualTo(3);
  }

  @Test
  void theFirstCopyOfAnItemWins() {
    aggregator.record("t1", List.of(sale("a", 10)));
    aggregator.record("t1", List.of(sale("a", 99)));

    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(10);
  }

  @Test
  void tenantsNeverShareItemsOrCubes() {
    aggregator.record("t1", List.of(sale("a", 10)));
    aggregator.record("t2", List.of(sale("a", 7)));

    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(10);
    assertThat(total("t2", Period.month(DAY), "amount")).isEqualTo(7);
  }

  @Test
  void aCrashAfterTheCubesAndBeforeTheMarkIsCompletedByTheResendWithoutCountingTwice() {
    var crashing = new ExactlyOnceAggregator<>("sales", ledger, applications, new CrashAfterApply(cubes), SALES,
        TenantZones.UTC, clock, SETTINGS);
    assertThatThrownBy(() -> crashing.record("t1", List.of(sale("a", 10), sale("b", 5))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(15);

    var resent = aggregator.record("t1", List.of(sale("a", 10), sale("b", 5)));

    assertThat(resent.recordedIds()).containsExactly("a", "b");
    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(15);
    assertThat(ledger.find("t1", List.of("a", "b")).values()).allMatch(LedgerEntry::isApplied);
  }

  @Test
  void aCrashBeforeTheCubesIsCompletedByTheSweeperWhenNothingIsResent() {
    var crashing = new ExactlyOnceAggregator<>("sales", ledger, applications, new CrashBeforeApply(), SALES,
        TenantZones.UTC, clock, SETTINGS);
    assertThatThrownBy(() -> crashing.record("t1", List.of(sale("a", 10))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(total("t1", Period.month(DAY), "amount")).isZero();

    assertThat(sweeper.sweep()).isZero(); // not stale yet: its producer may still resend
    clock.advance(Duration.ofMinutes(2));
    assertThat(sweeper.sweep()).isEqualTo(1);

    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(10);
    assertThat(aggregator.record("t1", List.of(sale("a", 10))).duplicates()).isEqualTo(1);
  }

  @Test
  void evidenceIsReleasedOnlyAfterTheGraceAndTheApplicationIsForgotten() {
    aggregator.record("t1", List.of(sale("a", 10)));
    var cube = new CubeId("t1", "sales", Period.month(DAY));
    assertThat(cubes.readWithEvidence("t1", List.of(cube)).get(0).applications()).hasSize(1);

    clock.advance(Duration.ofMinutes(4));
    sweeper.sweep();
    assertThat(cubes.readWithEvidence("t1", List.of(cube)).get(0).applications()).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    sweeper.sweep();
    assertThat(cubes.readWithEvidence("t1", List.of(cube)).get(0).applications()).isEmpty();
    assertThat(applications.size()).isZero();
    // still counted once, and a late duplicate is recognised from the ledger
    assertThat(aggregator.record("t1", List.of(sale("a", 10))).duplicates()).isEqualTo(1);
    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(10);
  }

  @Test
  void anApplicationThatRanOutOfTimeWritesNothingAndIsRetried() {
    var slow = new ExactlyOnceAggregator<>("sales", ledger, applications, cubes, (t, z, s) -> {
      clock.advance(Duration.ofSeconds(31));
      return SALES.contributions(t, z, s);
    }, TenantZones.UTC, clock, SETTINGS);

    assertThatThrownBy(() -> slow.record("t1", List.of(sale("a", 10))))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(total("t1", Period.month(DAY), "amount")).isZero();

    aggregator.record("t1", List.of(sale("a", 10)));
    assertThat(total("t1", Period.month(DAY), "amount")).isEqualTo(10);
  }

  @Test
  void itemsCountInTheTenantsLocalDay() {
    var zoned = new ExactlyOnceAggregator<>("sales", ledger, applications, cubes, (t, zone, s) -> {
      assertThat(zone).isEqualTo(ZoneId.of("Europe/Paris"));
      return SALES.contributions(t, zone, s);
    }, tenant -> ZoneId.of("Europe/Paris"), clock, SETTINGS);

    zoned.record("t1", List.of(sale("a", 1)));
    assertThat(total("t1", Period.day(DAY), "n")).isEqualTo(1);
  }

  /** Applies, then fails as if the process died before marking. */
  record CrashAfterApply(Cubes delegate) implements Cubes {
    @Override
    public void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
      delegate.applyOnce(tenantId, applicationId, increments);
      throw new IllegalStateException("crash after the cubes");
    }

    @Override
    public void release(String tenantId, String applicationId, Collection<CubeId> ids) {
      delegate.release(tenantId, applicationId, ids);
    }

    @Override
    public List<Cube> read(String tenantId, Collection<CubeId> ids) {
      return delegate.read(tenantId, ids);
    }

    @Override
    public List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids) {
      return delegate.readWithEvidence(tenantId, ids);
    }

    @Override
    public java.util.SortedSet<CubeId> months(String tenantId) {
      return delegate.months(tenantId);
    }

    @Override
    public List<CubeId> list(String tenantId) {
      return delegate.list(tenantId);
    }

    @Override
    public boolean replaceIfUnchanged(String tenantId, CubeId id, Long v, Map<String, Cube.CellTally> cells) {
      return delegate.replaceIfUnchanged(tenantId, id, v, cells);
    }
  }

  /** Fails before touching any cube. */
  final class CrashBeforeApply implements Cubes {
    @Override
    public void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
      throw new IllegalStateException("crash before the cubes");
    }

    @Override
    public void release(String tenantId, String applicationId, Collection<CubeId> ids) {
      cubes.release(tenantId, applicationId, ids);
    }

    @Override
    public List<Cube> read(String tenantId, Collection<CubeId> ids) {
      return new ArrayList<>(cubes.read(tenantId, ids));
    }

    @Override
    public List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids) {
      return cubes.readWithEvidence(tenantId, ids);
    }

    @Override
    public java.util.SortedSet<CubeId> months(String tenantId) {
      return cubes.months(tenantId);
    }

    @Override
    public List<CubeId> list(String tenantId) {
      return cubes.list(tenantId);
    }

    @Override
    public boolean replaceIfUnchanged(String tenantId, CubeId id, Long v, Map<String, Cube.CellTally> cells) {
      return cubes.replaceIfUnchanged(tenantId, id, v, cells);
    }
  }
}
