package io.cxhub.metrics.rollup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cube as stored: its cells with their tallies.
 *
 * @param version increases with every change; the recount replaces a cube only if its
 *     version is still the one it read
 * @param cells cell key ({@link Cell#key()}) → cell and tally
 * @param applications ids of the applications this cube already holds (the evidence that
 *     makes a repeated application a no-op), until they are released
 */
public record Cube(CubeId id, long version, Map<String, CellTally> cells, Set<String> applications) {

  public Cube {
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    applications = Set.copyOf(applications);
  }

  /** A cell with what it holds. */
  public record CellTally(Cell cell, Tally tally) {}
}
