package io.cxhub.metrics.event;

import io.cxhub.metrics.rollup.Application;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.Ledger;
import io.cxhub.metrics.rollup.LedgerEntry;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.TenantZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The event aggregator over in-memory storage that keeps the contracts of the rollup ports
 * (first copy wins in the ledger, evidence per application in the cubes): enough to test
 * what RecordEvents and the KPI read do with it, without MongoDB.
 */
public final class MemoryRollup {

  public final MemoryCubes cubes = new MemoryCubes();
  public final MemoryLedger ledger = new MemoryLedger();
  private final MemoryApplications applications = new MemoryApplications();
  public final ExactlyOnceAggregator<BusinessEvent> aggregator;

  public MemoryRollup(Clock clock) {
    aggregator = new ExactlyOnceAggregator<>("events", ledger, applications, cubes, new EventContributor(),
        TenantZones.UTC, clock,
        new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 100));
  }

  /** Ledger entries by tenant and event id. */
  public static final class MemoryLedger implements Ledger<BusinessEvent> {
    final Map<String, LedgerEntry<BusinessEvent>> entries = new LinkedHashMap<>();

    public int size(String tenantId) {
      return (int) entries.keySet().stream().filter(k -> k.startsWith(tenantId + ":")).count();
    }

    @Override
    public void insertIfAbsent(String tenantId, Collection<BusinessEvent> items, String applicationId, Instant at) {
      items.forEach(i -> entries.putIfAbsent(tenantId + ":" + i.itemId(), new LedgerEntry<>(i, applicationId, at, null)));
    }

    @Override
    public Map<String, LedgerEntry<BusinessEvent>> find(String tenantId, Collection<String> itemIds) {
      var found = new LinkedHashMap<String, LedgerEntry<BusinessEvent>>();
      itemIds.forEach(id -> Optional.ofNullable(entries.get(tenantId + ":" + id)).ifPresent(e -> found.put(id, e)));
      return found;
    }

    @Override
    public void markApplied(String tenantId, Collection<String> itemIds, Instant appliedAt) {
      itemIds.forEach(id -> entries.computeIfPresent(tenantId + ":" + id,
          (k, e) -> new LedgerEntry<>(e.item(), e.applicationId(), e.receivedAt(), appliedAt)));
    }

    @Override
    public void forEachEntry(String tenantId, Consumer<LedgerEntry<BusinessEvent>> action) {
      entries.forEach((k, e) -> {
        if (k.startsWith(tenantId + ":")) {
          action.accept(e);
        }
      });
    }
  }

  private static final class MemoryApplications implements Applications {
    private final Map<String, Application> byId = new LinkedHashMap<>();

    @Override
    public void begin(Application application) {
      byId.put(application.id(), application);
    }

    @Override
    public Optional<Application> find(String tenantId, String applicationId) {
      return Optional.ofNullable(byId.get(applicationId));
    }

    @Override
    public void recordCubes(String tenantId, String applicationId, Collection<CubeId> cubes) {
      byId.computeIfPresent(applicationId, (k, a) -> new Application(a.id(), a.tenantId(), a.source(), a.itemIds(),
          List.copyOf(cubes), a.createdAt(), a.appliedAt()));
    }

    @Override
    public void markApplied(String tenantId, String applicationId, Instant appliedAt) {
      byId.computeIfPresent(applicationId, (k, a) -> new Application(a.id(), a.tenantId(), a.source(), a.itemIds(),
          a.cubes(), a.createdAt(), appliedAt));
    }

    @Override
    public void delete(String tenantId, String applicationId) {
      byId.remove(applicationId);
    }

    @Override
    public List<Application> oldest(int limit) {
      return byId.values().stream().limit(limit).toList();
    }
  }

  /** Cubes with their cells and evidence; counts every read. */
  public static final class MemoryCubes implements Cubes {
    private final Map<CubeId, Map<String, Cube.CellTally>> cells = new TreeMap<>();
    private final Map<CubeId, Set<String>> evidence = new TreeMap<>();
    public int reads;

    @Override
    public void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
      var byCube = new LinkedHashMap<CubeId, List<CellIncrement>>();
      increments.forEach(i -> byCube.computeIfAbsent(i.cube(), k -> new ArrayList<>()).add(i));
      byCube.forEach((cube, list) -> {
        if (!evidence.computeIfAbsent(cube, k -> new HashSet<>()).add(applicationId)) {
          return;
        }
        var map = cells.computeIfAbsent(cube, k -> new LinkedHashMap<>());
        list.forEach(i -> map.merge(i.cell().key(), new Cube.CellTally(i.cell(), i.tally()),
            (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally()))));
      });
    }

    @Override
    public void release(String tenantId, String applicationId, Collection<CubeId> cubes) {
      cubes.forEach(c -> evidence.getOrDefault(c, new HashSet<>()).remove(applicationId));
    }

    @Override
    public List<Cube> read(String tenantId, Collection<CubeId> ids) {
      reads++;
      return ids.stream().filter(cells::containsKey)
          .map(id -> new Cube(id, 1, cells.get(id), evidence.getOrDefault(id, Set.of()))).toList();
    }

    @Override
    public SortedSet<CubeId> months(String tenantId) {
      var months = new TreeSet<CubeId>();
      cells.keySet().stream().filter(id -> id.tenantId().equals(tenantId) && id.period().grain() == Period.Grain.MONTH)
          .forEach(months::add);
      return months;
    }

    @Override
    public List<CubeId> list(String tenantId) {
      return cells.keySet().stream().filter(id -> id.tenantId().equals(tenantId)).toList();
    }

    @Override
    public boolean replaceIfUnchanged(String tenantId, CubeId id, Long observedVersion, Map<String, Cube.CellTally> c) {
      throw new UnsupportedOperationException();
    }
  }
}
