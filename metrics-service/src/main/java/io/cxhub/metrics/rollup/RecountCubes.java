package io.cxhub.metrics.rollup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The recount job: rebuilds every cube of a tenant from the items in the ledgers (responses
 * and events) and reports each cell whose stored tally differs; on request, repairs the
 * cubes. Also what moves a tenant's cubes to a new time zone.
 *
 * <p>Safe while ingestion runs. The cubes are read first, then the ledgers. An item counts
 * towards a cube if it is marked applied, or if the cube already holds its application's
 * evidence (its application reached that cube but had not finished). A repair is a
 * compare-and-set on the cube's version as read at the start, so an application landing
 * during the recount makes it a no-op, reported as {@code CHANGED_DURING_RECOUNT} (run it
 * again).
 */
public final class RecountCubes {

  private static final int READ_CHUNK = 200;

  private final List<ExactlyOnceAggregator<?>> aggregators;
  private final Cubes cubes;
  private final TenantZones zones;

  public RecountCubes(List<ExactlyOnceAggregator<?>> aggregators, Cubes cubes, TenantZones zones) {
    this.aggregators = List.copyOf(aggregators);
    this.cubes = cubes;
    this.zones = zones;
  }

  public Report recount(String tenantId, boolean repair) {
    Map<CubeId, Cube> stored = new HashMap<>();
    List<CubeId> ids = cubes.list(tenantId);
    for (int from = 0; from < ids.size(); from += READ_CHUNK) {
      cubes.readWithEvidence(tenantId, ids.subList(from, Math.min(from + READ_CHUNK, ids.size())))
          .forEach(c -> stored.put(c.id(), c));
    }
    ZoneId zone = zones.zone(tenantId);
    Map<CubeId, Map<String, Cube.CellTally>> recounted = new HashMap<>();
    long[] items = {0};
    for (ExactlyOnceAggregator<?> aggregator : aggregators) {
      items[0] += recountSource(tenantId, zone, aggregator, stored, recounted);
    }

    var differences = new ArrayList<Difference>();
    long matching = 0;
    var all = new TreeSet<CubeId>(stored.keySet());
    all.addAll(recounted.keySet());
    for (CubeId id : all) {
      Cube have = stored.get(id);
      Map<String, Cube.CellTally> haveCells = have == null ? Map.of() : have.cells();
      Map<String, Cube.CellTally> want = recounted.getOrDefault(id, Map.of());
      var cellDifferences = new ArrayList<Difference>();
      var keys = new TreeSet<>(haveCells.keySet());
      keys.addAll(want.keySet());
      for (String key : keys) {
        Cube.CellTally h = haveCells.get(key);
        Cube.CellTally w = want.get(key);
        Tally hTally = h == null ? Tally.EMPTY : h.tally();
        Tally wTally = w == null ? Tally.EMPTY : w.tally();
        if (!hTally.equals(wTally)) {
          cellDifferences.add(new Difference(id, (w != null ? w : h).cell(), hTally, wTally, have == null,
              Outcome.REPORTED));
        }
      }
      if (cellDifferences.isEmpty()) {
        matching++;
        continue;
      }
      Outcome outcome = Outcome.REPORTED;
      if (repair) {
        outcome = cubes.replaceIfUnchanged(tenantId, id, have == null ? null : have.version(), want)
            ? Outcome.REPAIRED
            : Outcome.CHANGED_DURING_RECOUNT;
      }
      for (Difference d : cellDifferences) {
        differences.add(d.withOutcome(outcome));
      }
    }
    return new Report(items[0], all.size(), matching, differences);
  }

  private static <T extends LedgerItem> long recountSource(
      String tenantId, ZoneId zone, ExactlyOnceAggregator<T> aggregator, Map<CubeId, Cube> stored,
      Map<CubeId, Map<String, Cube.CellTally>> recounted) {
    long[] items = {0};
    aggregator.ledger().forEachEntry(tenantId, entry -> {
      items[0]++;
      for (CellIncrement inc : aggregator.contributor().contributions(tenantId, zone, entry.item())) {
        Cube cube = stored.get(inc.cube());
        boolean counted = entry.isApplied()
            || (cube != null && cube.applications().contains(entry.applicationId()));
        if (counted) {
          recounted.computeIfAbsent(inc.cube(), k -> new LinkedHashMap<>())
              .merge(inc.cell().key(), new Cube.CellTally(inc.cell(), inc.tally()),
                  (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally())));
        }
      }
    });
    return items[0];
  }

  /** What was done about a difference. */
  public enum Outcome { REPORTED, REPAIRED, CHANGED_DURING_RECOUNT }

  /**
   * A cell whose stored tally differs from what the ledgers explain.
   *
   * @param missing whether the whole cube was missing
   */
  public record Difference(CubeId cube, Cell cell, Tally stored, Tally recounted, boolean missing, Outcome outcome) {

    public Difference {
      Objects.requireNonNull(outcome, "outcome");
    }

    Difference withOutcome(Outcome other) {
      return new Difference(cube, cell, stored, recounted, missing, other);
    }
  }

  /**
   * What a recount found.
   *
   * @param items ledger entries read (responses and events)
   * @param cubesChecked cubes stored or recounted
   * @param matching cubes whose every cell equals the recount
   */
  public record Report(long items, long cubesChecked, long matching, List<Difference> differences) {

    public Report {
      differences = List.copyOf(differences);
    }
  }
}
