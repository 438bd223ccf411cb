package io.cxhub.metrics.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.InMemoryScores;
import io.cxhub.metrics.rollup.RecountCubes;
import io.cxhub.metrics.score.Dimension;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.metrics.score.Granularity;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import io.cxhub.metrics.score.ScoreQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new time zone moves every recorded answer to its local day and month in that zone. */
class MetricSettingsTest {

  private final Map<String, ZoneId> stored = new HashMap<>();
  private final TenantSettings settings = new TenantSettings() {
    @Override
    public Optional<ZoneId> zone(String tenantId) {
      return Optional.ofNullable(stored.get(tenantId));
    }

    @Override
    public void setZone(String tenantId, ZoneId zone) {
      stored.put(tenantId, zone);
    }
  };
  private final CachedTenantZones zones = new CachedTenantZones(settings);
  private final InMemoryScores scores = new InMemoryScores(Clock.systemUTC(), zones);
  private final MetricSettings metricSettings = new MetricSettings(settings, zones,
      new RecountCubes(List.of(scores.aggregator), scores.cubes, zones));
  private final GetScores getScores = new GetScores(scores.buckets, zones);

  private List<String> months(String tenant) {
    return getScores.query(tenant, new ScoreQuery(ScoreKind.NPS, ScoreFilter.all(), List.of(Dimension.PERIOD),
            Granularity.MONTH, "")).cells().stream()
        .map(c -> c.key().get(Dimension.PERIOD) + " n=" + c.score().n())
        .toList();
  }

  @Test
  void aNewZoneMovesAnswersToTheirLocalMonthAndOnlyForThatTenant() {
    for (String tenant : List.of("t1", "t2")) {
      scores.npsAt(tenant, "s", Instant.parse("2025-03-31T21:30:00Z"), 10); // 23:30 in Paris
      scores.npsAt(tenant, "s", Instant.parse("2025-03-31T22:30:00Z"), 0); // 00:30 on April 1 in Paris
    }
    assertThat(months("t1")).containsExactly("2025-03-01 n=2");

    var change = metricSettings.changeZone("t1", "Europe/Paris");

    assertThat(change.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(change.recordsRebuilt()).isEqualTo(2);
    assertThat(change.cubesChangedMeanwhile()).isZero();
    assertThat(months("t1")).containsExactly("2025-03-01 n=1", "2025-04-01 n=1");
    assertThat(months("t2")).containsExactly("2025-03-01 n=2");
    assertThat(metricSettings.zone("t1")).isEqualTo(ZoneId.of("Europe/Paris"));
    // answers recorded from now on count in the new zone's days too
    scores.npsAt("t1", "s", Instant.parse("2025-04-30T22:30:00Z"), 9); // May 1 in Paris
    assertThat(months("t1")).containsExactly("2025-03-01 n=1", "2025-04-01 n=1", "2025-05-01 n=1");
  }

  @Test
  void anUnknownZoneIsRefusedByName() {
    assertThatThrownBy(() -> metricSettings.changeZone("t1", "Mars/Olympus"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("settings.time_zone"));
    assertThat(metricSettings.zone("t1")).isEqualTo(ZoneId.of("UTC").normalized());
  }
}
