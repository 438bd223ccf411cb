package io.cxhub.metrics.rollup;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to add a set of newly recorded items to the cubes.
 *
 * @param source the ledger its items are in (e.g. {@code responses}, {@code events})
 * @param itemIds the ids it was started for; it owns those of them whose ledger entry names it
 * @param cubes the cubes it adds to, stored before it touches any (so that its evidence can
 *     be released later); empty until then
 * @param appliedAt when it finished; null while open
 */
public record Application(
    String id, String tenantId, String source, List<String> itemIds, List<CubeId> cubes, Instant createdAt,
    Instant appliedAt) {

  public Application {
    itemIds = List.copyOf(itemIds);
    cubes = List.copyOf(cubes);
  }

  public boolean isApplied() {
    return appliedAt != null;
  }
}
