package io.cxhub.metrics.settings;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.rollup.RecountCubes;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A tenant's indicator settings. Changing the time zone re-sorts every recorded item into its
 * local day and month in the new zone, by rebuilding the cubes from the ledgers (the
 * recount with repair), tried a few times if records arrive meanwhile.
 */
public final class MetricSettings {

  private static final int REBUILD_ATTEMPTS = 3;

  private final TenantSettings settings;
  private final CachedTenantZones zones;
  private final RecountCubes recount;

  public MetricSettings(TenantSettings settings, CachedTenantZones zones, RecountCubes recount) {
    this.settings = settings;
    this.zones = zones;
    this.recount = recount;
  }

  public ZoneId zone(String tenantId) {
    return zones.zone(tenantId);
  }

  /** What a zone change did. */
  public record ZoneChange(ZoneId zone, long recordsRebuilt, long cubesRewritten, long cubesChangedMeanwhile) {}

  public ZoneChange changeZone(String tenantId, String timeZone) {
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone == null ? "" : timeZone.trim());
    } catch (DateTimeException e) {
      throw InvalidInputException.of("settings.time_zone", "must be an IANA time zone such as Europe/Paris or UTC");
    }
    if (zone.normalized().equals(zones.zone(tenantId).normalized())) {
      return new ZoneChange(zones.zone(tenantId), 0, 0, 0);
    }
    settings.setZone(tenantId, zone);
    zones.changed(tenantId);
    long rewritten = 0;
    RecountCubes.Report report = null;
    for (int attempt = 0; attempt < REBUILD_ATTEMPTS; attempt++) {
      report = recount.recount(tenantId, true);
      rewritten += report.differences().stream()
          .filter(d -> d.outcome() == RecountCubes.Outcome.REPAIRED).map(RecountCubes.Difference::cube).distinct().count();
      if (report.differences().stream().noneMatch(d -> d.outcome() == RecountCubes.Outcome.CHANGED_DURING_RECOUNT)) {
        break;
      }
    }
    long changed = report.differences().stream()
        .filter(d -> d.outcome() == RecountCubes.Outcome.CHANGED_DURING_RECOUNT)
        .map(RecountCubes.Difference::cube).distinct().count();
    return new ZoneChange(zone, report.items(), rewritten, changed);
  }
}
