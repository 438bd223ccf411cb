package io.cxhub.journey.insight;

import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journeys;
import io.cxhub.journey.insight.AlertSink.Alert;
import io.cxhub.journey.insight.FrictionEpisodes.Episode;
import io.cxhub.journey.insight.FrictionView.Friction;
import io.cxhub.journey.insight.FrictionView.Trend;
import io.cxhub.journey.insight.Indicators.IndicatorsUnavailableException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects friction on a schedule: every active journey is ranked over the last
 * {@code windowDays} days; a place that becomes friction opens an episode and fires
 * {@code friction.detected} once; if it worsens during the episode, it fires once more;
 * when it is no longer friction the episode closes. The alert id names the episode
 * ({@code friction.detected:<journey>:<place>:<n>}), and the episode is saved only after the
 * alert was taken, so a failure or a restart resends the same id, which survey-service
 * fires only once.
 */
public final class FrictionWatch {

  private static final Logger log = LoggerFactory.getLogger(FrictionWatch.class);

  private final Journeys journeys;
  private final LiveJourneys live;
  private final FrictionEpisodes episodes;
  private final AlertSink alerts;
  private final int windowDays;

  public FrictionWatch(Journeys journeys, LiveJourneys live, FrictionEpisodes episodes, AlertSink alerts, int windowDays) {
    this.journeys = Objects.requireNonNull(journeys);
    this.live = Objects.requireNonNull(live);
    this.episodes = Objects.requireNonNull(episodes);
    this.alerts = Objects.requireNonNull(alerts);
    this.windowDays = windowDays;
  }

  /** One pass over every active journey; returns the alerts fired. */
  public int run() {
    int[] fired = {0};
    var period = DayRange.of(live.today().minusDays(windowDays - 1L), windowDays);
    journeys.forEachActive(journey -> {
      try {
        fired[0] += check(journey, Slice.of(period));
      } catch (IndicatorsUnavailableException e) {
        log.warn("friction watch skipped tenant={} journeyId={} cause={}", journey.tenantId(), journey.id(), e.getMessage());
      }
    });
    return fired[0];
  }

  /** Checks one journey; returns the alerts fired. */
  public int check(Journey journey, Slice slice) {
    var view = FrictionRanking.rank(live.snapshot(journey, slice, LiveJourneys.needOf(journey, true)));
    if (!view.available()) {
      throw new IndicatorsUnavailableException("metrics-service unavailable", null);
    }
    int fired = 0;
    var current = new HashSet<String>();
    for (Friction f : view.points()) {
      String id = f.place().frictionId();
      current.add(id);
      var episode = episodes.find(journey.tenantId(), journey.id(), id).orElse(null);
      if (episode == null || !episode.open()) {
        int number = episode == null ? 1 : episode.number() + 1;
        alerts.fire(journey.tenantId(), alert(journey, f, number, "new"));
        episodes.save(new Episode(journey.tenantId(), journey.id(), id, number, true, false));
        fired++;
      } else if (f.evidence().trend() == Trend.WORSENING && !episode.worseningNotified()) {
        alerts.fire(journey.tenantId(), alert(journey, f, episode.number(), "worsening"));
        episodes.save(new Episode(journey.tenantId(), journey.id(), id, episode.number(), true, true));
        fired++;
      }
    }
    for (var open : episodes.open(journey.tenantId(), journey.id())) {
      if (!current.contains(open.frictionId())) {
        episodes.save(new Episode(open.tenantId(), open.journeyId(), open.frictionId(), open.number(), false,
            open.worseningNotified()));
      }
    }
    return fired;
  }

  private static Alert alert(Journey journey, Friction f, int episode, String what) {
    var e = f.evidence();
    String title = String.format(Locale.ROOT,
        "friction.detected (%s): %s \"%s\" on journey \"%s\": NPS %.1f vs %.1f for the rest (n=%d, p=%.4f); "
            + "impact %.1f NPS points",
        what, f.place().kind().name().toLowerCase(Locale.ROOT), f.place().name(), journey.name(),
        e.nps().estimate().value(), e.rest().estimate().value(), e.nps().estimate().n(), e.gap().pValue(),
        f.impact().value());
    String suffix = "worsening".equals(what) ? ":worsening" : "";
    return new Alert("friction.detected:" + journey.id() + ":" + f.place().frictionId() + ":" + episode + suffix,
        title, "worsening".equals(what) ? "critical" : "warning", f.place().stageId(), f.place().touchpointId());
  }
}
