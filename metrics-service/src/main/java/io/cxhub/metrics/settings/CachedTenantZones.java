package io.cxhub.metrics.settings;

import io.cxhub.metrics.rollup.TenantZones;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's zone (UTC unless set), read once and then kept: a zone changes only through
 * {@link #changed}, which the settings use case calls after storing a new one. (Several
 * replicas of metrics-service would each keep their own copy; a zone change then also
 * needs their restart — stated in the settings API.)
 */
public final class CachedTenantZones implements TenantZones {

  private final TenantSettings settings;
  private final ConcurrentMap<String, ZoneId> zones = new ConcurrentHashMap<>();

  public CachedTenantZones(TenantSettings settings) {
    this.settings = settings;
  }

  @Override
  public ZoneId zone(String tenantId) {
    return zones.computeIfAbsent(tenantId, t -> settings.zone(t).orElse(ZoneOffset.UTC));
  }

  public void changed(String tenantId) {
    zones.remove(tenantId);
  }
}
