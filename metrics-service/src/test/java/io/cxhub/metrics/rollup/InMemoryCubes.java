package io.cxhub.metrics.rollup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Cubes in memory, with the same once-per-application rule as MongoCubes. */
public final class InMemoryCubes implements Cubes {

  private final Map<CubeId, Cube> cubes = new TreeMap<>();

  @Override
  public synchronized void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
    var byCube = new TreeMap<CubeId, List<CellIncrement>>();
    increments.forEach(inc -> {
      if (!inc.cube().tenantId().equals(tenantId)) {
        throw new IllegalArgumentException("other tenant's cube " + inc.cube().id());
      }
      byCube.computeIfAbsent(inc.cube(), k -> new ArrayList<>()).add(inc);
    });
    byCube.forEach((id, incs) -> {
      Cube cube = cubes.getOrDefault(id, new Cube(id, 0, Map.of(), Set.of()));
      if (cube.applications().contains(applicationId)) {
        return;
      }
      var cells = new LinkedHashMap<>(cube.cells());
      incs.forEach(inc -> cells.merge(inc.cell().key(), new Cube.CellTally(inc.cell(), inc.tally()),
          (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally()))));
      var applied = new HashSet<>(cube.applications());
      applied.add(applicationId);
      cubes.put(id, new Cube(id, cube.version() + 1, cells, applied));
    });
  }

  @Override
  public synchronized void release(String tenantId, String applicationId, Collection<CubeId> ids) {
    ids.forEach(id -> {
      Cube cube = cubes.get(id);
      if (cube != null) {
        var applied = new HashSet<>(cube.applications());
        applied.remove(applicationId);
        cubes.put(id, new Cube(id, cube.version(), cube.cells(), applied));
      }
    });
  }

  @Override
  public synchronized List<Cube> read(String tenantId, Collection<CubeId> ids) {
    return readWithEvidence(tenantId, ids).stream()
        .map(c -> new Cube(c.id(), c.version(), c.cells(), Set.of()))
        .toList();
  }

  @Override
  public synchronized List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids) {
    var result = new ArrayList<Cube>();
    new TreeSet<>(ids).forEach(id -> {
      if (!id.tenantId().equals(tenantId)) {
        throw new IllegalArgumentException("other tenant's cube " + id.id());
      }
      if (cubes.containsKey(id)) {
        result.add(cubes.get(id));
      }
    });
    return result;
  }

  @Override
  public synchronized SortedSet<CubeId> months(String tenantId) {
    var result = new TreeSet<CubeId>();
    cubes.keySet().stream()
        .filter(id -> id.tenantId().equals(tenantId) && id.period().grain() == Period.Grain.MONTH)
        .forEach(result::add);
    return result;
  }

  @Override
  public synchronized List<CubeId> list(String tenantId) {
    return cubes.keySet().stream().filter(id -> id.tenantId().equals(tenantId)).toList();
  }

  @Override
  public synchronized boolean replaceIfUnchanged(
      String tenantId, CubeId id, Long observedVersion, Map<String, Cube.CellTally> cells) {
    Cube cube = cubes.get(id);
    if (observedVersion == null ? cube != null : cube == null || cube.version() != observedVersion) {
      return false;
    }
    cubes.put(id, new Cube(id, cube == null ? 1 : cube.version() + 1, cells,
        cube == null ? Set.of() : cube.applications()));
    return true;
  }
}
