package io.cxhub.metrics.kpi;

import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventContributor;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cubes that hold exactly what the {@link EventContributor} adds for the events given: the
 * KPI read's input without the recording protocol (tested on its own).
 */
final class ContributedCubes implements Cubes {

  private final Map<CubeId, Map<String, Cube.CellTally>> cubes = new TreeMap<>();
  private final List<Collection<CubeId>> reads = new ArrayList<>();

  ContributedCubes add(String tenantId, ZoneId zone, List<BusinessEvent> events) {
    var contributor = new EventContributor();
    events.forEach(e -> contributor.contributions(tenantId, zone, e).forEach(this::add));
    return this;
  }

  private void add(CellIncrement inc) {
    var cells = cubes.computeIfAbsent(inc.cube(), k -> new LinkedHashMap<>());
    cells.merge(inc.cell().key(), new Cube.CellTally(inc.cell(), inc.tally()),
        (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally())));
  }

  /** The id lists the reads asked for, in order. */
  List<Collection<CubeId>> reads() {
    return reads;
  }

  @Override
  public List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids) {
    return read(tenantId, ids);
  }

  @Override
  public List<Cube> read(String tenantId, Collection<CubeId> ids) {
    reads.add(List.copyOf(ids));
    var found = new ArrayList<Cube>();
    for (CubeId id : ids) {
      if (!id.tenantId().equals(tenantId)) {
        throw new AssertionError("read of another tenant's cube " + id.id());
      }
      var cells = cubes.get(id);
      if (cells != null) {
        found.add(new Cube(id, 1, cells, Set.of()));
      }
    }
    return found;
  }

  @Override
  public SortedSet<CubeId> months(String tenantId) {
    var months = new TreeSet<CubeId>();
    cubes.keySet().stream()
        .filter(id -> id.tenantId().equals(tenantId) && id.period().grain() == Period.Grain.MONTH)
        .forEach(months::add);
    return months;
  }

  @Override
  public void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void release(String tenantId, String applicationId, Collection<CubeId> cubes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<CubeId> list(String tenantId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean replaceIfUnchanged(String tenantId, CubeId id, Long observedVersion, Map<String, Cube.CellTally> cells) {
    throw new UnsupportedOperationException();
  }
}
