package io.cxhub.metrics.rollup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage port of the applications that are open or whose evidence is not yet released. The
 * collection stays small: an application is deleted once its evidence is released.
 */
public interface Applications {

  void begin(Application application);

  Optional<Application> find(String tenantId, String applicationId);

  /** Records the cubes an application is about to add to. */
  void recordCubes(String tenantId, String applicationId, Collection<CubeId> cubes);

  void markApplied(String tenantId, String applicationId, Instant appliedAt);

  void delete(String tenantId, String applicationId);

  /** Every application of every tenant, oldest first, at most {@code limit} (for the sweeper). */
  List<Application> oldest(int limit);
}
