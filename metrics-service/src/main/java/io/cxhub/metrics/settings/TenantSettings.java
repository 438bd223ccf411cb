package io.cxhub.metrics.settings;

import java.time.ZoneId;
import java.util.Optional;

/** Storage port of each tenant's metric settings (for now: the time zone). */
public interface TenantSettings {

  /** The zone set for the tenant, if any. */
  Optional<ZoneId> zone(String tenantId);

  /** Sets the tenant's zone. */
  void setZone(String tenantId, ZoneId zone);
}
