package io.cxhub.metrics.rollup;

import java.time.ZoneId;

/** The time zone each tenant's days and months are counted in (UTC unless set). */
public interface TenantZones {

  ZoneId zone(String tenantId);

  TenantZones UTC = tenantId -> java.time.ZoneOffset.UTC;
}
