package io.cxhub.persona.value;

import java.util.List;
import java.util.Optional;

/**
 * Storage of each tenant's last value report and of whether its customers changed since.
 * Tenant-scoped by key.
 */
public interface ValueReports {

  Optional<ValueReport> find(String tenantId);

  /**
   * Stores the report computed from the customers as they were at change count
   * {@code changesSeen}; the tenant stays due for recomputation if changes happened since.
   */
  void save(String tenantId, ValueReport report, long changesSeen);

  /** Change count of the tenant now (0 if never changed). */
  long changes(String tenantId);

  /** Tenants whose customers changed since their last report. */
  List<String> due(int limit);
}
