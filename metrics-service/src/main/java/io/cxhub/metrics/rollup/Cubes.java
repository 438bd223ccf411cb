package io.cxhub.metrics.rollup;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Storage port of the cubes. Reads and writes go by cube id: a dashboard read fetches the
 * handful of cubes its period needs and never scans.
 */
public interface Cubes {

  /**
   * Adds the increments to their cubes (creating missing cubes and cells), each cube in one
   * atomic single-document update that also records {@code applicationId} as evidence; a
   * cube that already holds the evidence is left alone. Safe to repeat, and to run
   * concurrently with itself for the same application.
   */
  void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments);

  /**
   * Forgets the evidence of an application in these cubes, once it can no longer be applied
   * again (see {@link ExactlyOnceAggregator}).
   */
  void release(String tenantId, String applicationId, Collection<CubeId> cubes);

  /**
   * The cubes of these ids that exist (by {@code _id}), without their evidence
   * ({@link Cube#applications()} is empty): what a dashboard read needs.
   */
  List<Cube> read(String tenantId, Collection<CubeId> ids);

  /** The cubes of these ids that exist, with their evidence (for the recount). */
  List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids);

  /**
   * The month cubes of the tenant that have ever been written to, from the tenant's catalog
   * (one document): what an open-ended read needs to know where data starts and ends.
   */
  java.util.SortedSet<CubeId> months(String tenantId);

  /** The ids of every cube of the tenant (a scan, for the recount). */
  List<CubeId> list(String tenantId);

  /**
   * Sets a cube's cells to {@code cells} only if its version is still {@code observedVersion}
   * (a compare-and-set: any application since makes it a no-op); with
   * {@code observedVersion} null, creates the cube only if it still does not exist. The
   * evidence is left alone.
   *
   * @return whether the cube was changed
   */
  boolean replaceIfUnchanged(String tenantId, CubeId id, Long observedVersion, Map<String, Cube.CellTally> cells);
}
