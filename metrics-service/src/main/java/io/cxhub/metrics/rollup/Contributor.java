package io.cxhub.metrics.rollup;

import java.time.ZoneId;
import java.util.List;

/**
 * What a recorded item adds to the cubes. Pure and deterministic: the recount calls it again
 * on the stored items and must get the same increments.
 */
public interface Contributor<T extends LedgerItem> {

  /**
   * @param zone the tenant's time zone, which decides the local day and month of the item
   */
  List<CellIncrement> contributions(String tenantId, ZoneId zone, T item);
}
